# Flask-SQLAlchemy with an application: SQLALCHEMY_DATABASE_URI set on the
# app config (SQLite), db.init_app(app), ON DELETE CASCADE keys, and no
# PRAGMA foreign_keys listener.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite:///instance/app.db"
    app.config["SQLALCHEMY_TRACK_MODIFICATIONS"] = False
    db.init_app(app)
    return app


class Board(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(50), nullable=False)
    cards = db.relationship("Card", back_populates="board", cascade="all, delete-orphan", passive_deletes=True)


class Card(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    board_id = db.Column(db.Integer, db.ForeignKey("board.id", ondelete="CASCADE"), nullable=False)
    text = db.Column(db.String(500))
    board = db.relationship("Board", back_populates="cards")
