# The usual SQLite app layout: db.py makes the engine from a literal URL and
# turns foreign keys on for every connection with a connect listener on
# Engine; models.py holds the classes.
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import declarative_base, sessionmaker

engine = create_engine("sqlite:///app.db", echo=False)
SessionLocal = sessionmaker(bind=engine, autoflush=False)
Base = declarative_base()


@event.listens_for(Engine, "connect")
def set_sqlite_pragma(dbapi_connection, connection_record):
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
