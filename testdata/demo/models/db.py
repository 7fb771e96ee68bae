"""The application's engine. Pitfall: SQLite, and no connection ever runs
PRAGMA foreign_keys = ON, so every ON DELETE above is ignored."""
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

engine = create_engine("sqlite:///app.db")
Session = sessionmaker(bind=engine)
