# Models of mm_db_engine_pragma: ON DELETE CASCADE that SQLite will honour.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import relationship

from db import Base


class Project(Base):
    __tablename__ = "projects"
    id = Column(Integer, primary_key=True)
    name = Column(String(60))
    issues = relationship("Issue", back_populates="project", cascade="all, delete-orphan", passive_deletes=True)


class Issue(Base):
    __tablename__ = "issues"
    id = Column(Integer, primary_key=True)
    project_id = Column(Integer, ForeignKey("projects.id", ondelete="CASCADE"), nullable=False, index=True)
    title = Column(String(200))
    project = relationship("Project", back_populates="issues")
