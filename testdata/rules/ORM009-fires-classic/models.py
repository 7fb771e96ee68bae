# ORM009: secondary="student_clubs" names a table defined nowhere.
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
