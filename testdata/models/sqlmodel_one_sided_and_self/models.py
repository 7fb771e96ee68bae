# SQLModel with a relationship on one side only and a self-referential tree
# whose parent side sets remote_side through sa_relationship_kwargs.
from typing import List, Optional

from sqlmodel import Field, Relationship, SQLModel


class Folder(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    name: str
    parent_id: Optional[int] = Field(default=None, foreign_key="folder.id")
    parent: Optional["Folder"] = Relationship(
        back_populates="children", sa_relationship_kwargs={"remote_side": "Folder.id"}
    )
    children: List["Folder"] = Relationship(back_populates="parent")


class File(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    folder_id: int = Field(foreign_key="folder.id")
    size: int = 0
    folder: Folder = Relationship()
