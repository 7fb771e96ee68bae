# Flask-SQLAlchemy 3: db = SQLAlchemy(), db.Model classes without
# __tablename__ (names become snake_case: UserAccount -> user_account),
# db.relationship with db.backref.
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class UserAccount(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True, nullable=False)
    email = db.Column(db.String(120), unique=True, nullable=False)


class BlogPost(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(120), nullable=False)
    body = db.Column(db.Text)
    author_id = db.Column(db.Integer, db.ForeignKey("user_account.id"), nullable=False)
    author = db.relationship("UserAccount", backref=db.backref("posts", lazy=True))


class HTTPLog(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    path = db.Column(db.String(200))
