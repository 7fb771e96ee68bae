# Near misses: a delete-orphan cascade over the NOT NULL key, passive_deletes
# with ON DELETE CASCADE, and a nullable key (the ORM may set it to NULL).
from sqlalchemy import Column, ForeignKey, Integer
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Course(Base):
    __tablename__ = "courses"
    id = Column(Integer, primary_key=True)
    lessons = relationship("Lesson", back_populates="course", cascade="all, delete-orphan")
    rooms = relationship("Room", passive_deletes=True)
    notes = relationship("Note")


class Lesson(Base):
    __tablename__ = "lessons"
    id = Column(Integer, primary_key=True)
    course_id = Column(Integer, ForeignKey("courses.id"), nullable=False, index=True)
    course = relationship("Course", back_populates="lessons")


class Room(Base):
    __tablename__ = "rooms"
    id = Column(Integer, primary_key=True)
    course_id = Column(
        Integer, ForeignKey("courses.id", ondelete="CASCADE"), nullable=False, index=True
    )


class Note(Base):
    __tablename__ = "notes"
    id = Column(Integer, primary_key=True)
    course_id = Column(Integer, ForeignKey("courses.id"), index=True)
