# SQLModel with sa_relationship_kwargs (cascade, order_by, lazy), a
# sa_column_kwargs unique flag, a non-table base model, and an explicit
# __tablename__.
from typing import List, Optional

from sqlmodel import Field, Relationship, SQLModel


class OwnerBase(SQLModel):
    name: str = Field(max_length=50)


class Owner(OwnerBase, table=True):
    __tablename__ = "owners"
    id: Optional[int] = Field(default=None, primary_key=True)
    email: str = Field(sa_column_kwargs={"unique": True})
    repos: List["Repo"] = Relationship(
        back_populates="owner",
        sa_relationship_kwargs={"cascade": "all, delete-orphan", "order_by": "Repo.name"},
    )


class Repo(SQLModel, table=True):
    __tablename__ = "repos"
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str = Field(index=True)
    owner_id: int = Field(foreign_key="owners.id")
    owner: Owner = Relationship(back_populates="repos", sa_relationship_kwargs={"lazy": "joined"})
