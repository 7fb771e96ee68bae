# Flask-SQLAlchemy's automatic table names under inheritance: a joined
# subclass (its own primary key) gets its own snake_case table, a
# single-table subclass (no primary key of its own) gets none.
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class Content(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    kind = db.Column(db.String(20))
    title = db.Column(db.String(100))
    __mapper_args__ = {"polymorphic_on": kind, "polymorphic_identity": "content"}


class VideoClip(Content):
    id = db.Column(db.Integer, db.ForeignKey("content.id"), primary_key=True)
    seconds = db.Column(db.Integer)
    __mapper_args__ = {"polymorphic_identity": "video"}


class NewsItem(Content):
    headline = db.Column(db.String(200))
    __mapper_args__ = {"polymorphic_identity": "news"}
