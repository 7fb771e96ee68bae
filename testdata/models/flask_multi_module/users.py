# Flask-SQLAlchemy across modules: the User side.
from extensions import db


class User(db.Model):
    __tablename__ = "users"
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    posts = db.relationship("Post", back_populates="author", lazy="dynamic")
