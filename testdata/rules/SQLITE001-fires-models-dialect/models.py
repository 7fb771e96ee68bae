# Flask-SQLAlchemy: the URL is configured elsewhere (the app factory reads
# it from the environment); `--dialect sqlite` says the target is SQLite. No
# source enables the pragma.
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Author(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class Book(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    author_id = db.Column(
        db.Integer, db.ForeignKey("author.id", ondelete="CASCADE"), nullable=False, index=True
    )
