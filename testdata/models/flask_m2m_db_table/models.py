# Flask-SQLAlchemy many-to-many: the association table made with db.Table
# (no metadata argument), explicit __tablename__ on one class.
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()

tags = db.Table(
    "page_tags",
    db.Column("tag_id", db.Integer, db.ForeignKey("tag.id", ondelete="CASCADE"), primary_key=True),
    db.Column("page_id", db.Integer, db.ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True),
)


class Page(db.Model):
    __tablename__ = "pages"
    id = db.Column(db.Integer, primary_key=True)
    slug = db.Column(db.String(80), unique=True, index=True)
    tags = db.relationship("Tag", secondary=tags, lazy="subquery", backref=db.backref("pages", lazy=True))


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50))
