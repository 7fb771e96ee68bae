# Pitfall SQLAlchemy does not report: the many-to-many secondary table has no
# primary key or unique constraint over its pair, so the same link can be
# stored twice.
from sqlalchemy import Column, ForeignKey, Integer, String, Table, text
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

actor_films = Table(
    "actor_films",
    Base.metadata,
    Column("actor_id", Integer, ForeignKey("actors.id")),
    Column("film_id", Integer, ForeignKey("films.id")),
)


class Actor(Base):
    __tablename__ = "actors"
    id = Column(Integer, primary_key=True)
    name = Column(String(50))
    films = relationship("Film", secondary=actor_films, back_populates="actors")


class Film(Base):
    __tablename__ = "films"
    id = Column(Integer, primary_key=True)
    title = Column(String(80))
    actors = relationship("Actor", secondary=actor_films, back_populates="films")


def oracle_probe(engine):
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO actors (id, name) VALUES (1, 'a')"))
        conn.execute(text("INSERT INTO films (id, title) VALUES (1, 'f')"))
        conn.execute(text("INSERT INTO actor_films VALUES (1, 1)"))
        conn.execute(text("INSERT INTO actor_films VALUES (1, 1)"))
        n = conn.execute(text("SELECT count(*) FROM actor_films")).scalar()
    return {"duplicate links stored": n}
