# Flask-SQLAlchemy across modules: extensions.py holds db; users.py and
# posts.py import it and refer to each other's classes by string only.
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
