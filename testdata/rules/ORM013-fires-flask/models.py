# Flask-SQLAlchemy: the one-to-many comes from a backref, the key is NOT NULL
# and has no ON DELETE action.
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

db = SQLAlchemy()


class Invoice(db.Model):
    id = db.Column(db.Integer, primary_key=True)


class InvoiceLine(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    invoice_id = db.Column(db.Integer, db.ForeignKey("invoice.id"), nullable=False, index=True)
    invoice = db.relationship("Invoice", backref="lines")


def oracle_probe(engine):
    with Session(engine) as s:
        s.add(Invoice(id=1, lines=[InvoiceLine(id=1)]))
        s.commit()
        s.delete(s.get(Invoice, 1))
        try:
            s.commit()
            return {"delete": "succeeded"}
        except IntegrityError as e:
            s.rollback()
            return {"delete": "IntegrityError", "detail": str(e.orig)}
