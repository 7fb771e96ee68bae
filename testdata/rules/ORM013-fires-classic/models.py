# A one-to-many with no delete cascade and no passive_deletes over a NOT NULL
# key with no ON DELETE action: deleting a course with lessons makes the ORM
# set lessons.course_id to NULL, and the flush fails.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Course(Base):
    __tablename__ = "courses"
    id = Column(Integer, primary_key=True)
    lessons = relationship("Lesson", back_populates="course")


class Lesson(Base):
    __tablename__ = "lessons"
    id = Column(Integer, primary_key=True)
    course_id = Column(Integer, ForeignKey("courses.id"), nullable=False, index=True)
    title = Column(String(80))
    course = relationship("Course", back_populates="lessons")


def oracle_probe(engine):
    with Session(engine) as s:
        s.add(Course(id=1, lessons=[Lesson(id=1, title="intro")]))
        s.commit()
        s.delete(s.get(Course, 1))
        try:
            s.commit()
            return {"delete": "succeeded"}
        except IntegrityError as e:
            s.rollback()
            return {"delete": "IntegrityError", "detail": str(e.orig)}
