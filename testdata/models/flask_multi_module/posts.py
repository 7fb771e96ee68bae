# Flask-SQLAlchemy across modules: the Post side, plus a comment model with a
# backref to User.
from extensions import db


class Post(db.Model):
    __tablename__ = "posts"
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"), nullable=False, index=True)
    title = db.Column(db.String(100))
    author = db.relationship("User", back_populates="posts")


class PostComment(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    post_id = db.Column(db.Integer, db.ForeignKey("posts.id", ondelete="CASCADE"))
    user_id = db.Column(db.Integer, db.ForeignKey("users.id"))
    post = db.relationship("Post", backref=db.backref("comments", passive_deletes=True))
    user = db.relationship("User", backref="comments")
