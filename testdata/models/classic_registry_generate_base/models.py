# A base made by registry().generate_base(); the registry keeps the metadata.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import registry, relationship

mapper_registry = registry()
Base = mapper_registry.generate_base()


class Project(Base):
    __tablename__ = "projects"
    id = Column(Integer, primary_key=True)
    title = Column(String(100), nullable=False)
    tasks = relationship("Task", back_populates="project", order_by="Task.id")


class Task(Base):
    __tablename__ = "tasks"
    id = Column(Integer, primary_key=True)
    project_id = Column(ForeignKey("projects.id"), nullable=False)
    summary = Column(String(200))
    project = relationship("Project", back_populates="tasks")
