# 1.4 typed style, secondary given as strings: "students_courses" on one side,
# "enrollments" on the other.
from typing import List

from sqlalchemy import Column, ForeignKey, Integer, Table
from sqlalchemy.orm import Mapped, declarative_base, relationship

Base = declarative_base()

Table(
    "students_courses",
    Base.metadata,
    Column("student_id", ForeignKey("students.id", ondelete="CASCADE"), primary_key=True),
    Column("course_id", ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
)
Table(
    "enrollments",
    Base.metadata,
    Column("student_id", ForeignKey("students.id", ondelete="CASCADE"), primary_key=True),
    Column("course_id", ForeignKey("courses.id", ondelete="CASCADE"), primary_key=True),
)


class Student(Base):
    __tablename__ = "students"
    id: Mapped[int] = Column(Integer, primary_key=True)
    courses: Mapped[List["Course"]] = relationship(
        "Course", secondary="students_courses", back_populates="students"
    )


class Course(Base):
    __tablename__ = "courses"
    id: Mapped[int] = Column(Integer, primary_key=True)
    students: Mapped[List["Student"]] = relationship(
        "Student", secondary="enrollments", back_populates="courses"
    )
