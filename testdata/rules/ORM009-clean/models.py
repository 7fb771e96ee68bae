# ORM009 near-miss: the secondary table given as a string, defined after the
# classes.
from sqlalchemy import Column, ForeignKey, Integer, String, Table
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Student(Base):
    __tablename__ = "students"
    id = Column(Integer, primary_key=True)
    clubs = relationship("Club", secondary="student_clubs", back_populates="students")


class Club(Base):
    __tablename__ = "clubs"
    id = Column(Integer, primary_key=True)
    students = relationship("Student", secondary="student_clubs", back_populates="clubs")


student_clubs = Table(
    "student_clubs",
    Base.metadata,
    Column("student_id", ForeignKey("students.id", ondelete="CASCADE"), primary_key=True),
    Column("club_id", ForeignKey("clubs.id", ondelete="CASCADE"), primary_key=True),
)
