from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class AuditMixin:
    created_by_id = db.Column(db.Integer, db.ForeignKey("user.id"))


class Invoice(AuditMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
