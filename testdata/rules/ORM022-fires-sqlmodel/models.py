# SQLModel: passive_deletes given through sa_relationship_kwargs, and the key
# has no ON DELETE action.
from typing import List, Optional

from sqlmodel import Field, Relationship, SQLModel


class Team(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    heroes: List["Hero"] = Relationship(
        back_populates="team", sa_relationship_kwargs={"passive_deletes": True}
    )


class Hero(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    team_id: Optional[int] = Field(default=None, foreign_key="team.id", index=True)
    team: Optional[Team] = Relationship(back_populates="heroes")
