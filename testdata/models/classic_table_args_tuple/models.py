# __table_args__ as a tuple: a composite primary key, a unique pair and
# indexes declared at table level.
from sqlalchemy import Column, Index, Integer, PrimaryKeyConstraint, String, UniqueConstraint
from sqlalchemy.orm import declarative_base

Base = declarative_base()


class Enrollment(Base):
    __tablename__ = "enrollments"
    __table_args__ = (
        PrimaryKeyConstraint("student_id", "course_id"),
        UniqueConstraint("student_id", "seat", name="uq_enrollment_seat"),
        Index("ix_enrollment_course", "course_id"),
        Index("ix_enrollment_grade_seat", "grade", "seat", unique=True),
    )
    student_id = Column(Integer)
    course_id = Column(Integer)
    seat = Column(String(8))
    grade = Column(String(2))
