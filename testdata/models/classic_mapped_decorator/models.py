# Classes mapped with the @mapper_registry.mapped decorator instead of a base
# class.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import registry, relationship

mapper_registry = registry()


@mapper_registry.mapped
class Team:
    __tablename__ = "teams"
    id = Column(Integer, primary_key=True)
    name = Column(String(50), unique=True, nullable=False)
    players = relationship("Player", back_populates="team")


@mapper_registry.mapped
class Player:
    __tablename__ = "players"
    id = Column(Integer, primary_key=True)
    team_id = Column(Integer, ForeignKey("teams.id"))
    name = Column(String(50))
    team = relationship("Team", back_populates="players")
