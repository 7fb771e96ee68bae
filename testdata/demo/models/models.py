"""The demo schema of testdata/demo/tutorial as SQLAlchemy models: the
tutorial's users/addresses and students/courses, as a team might have
written them, with the ORM pitfalls relmap exists to find planted in them.
`scripts/demo` runs `relmap check` on this folder too."""
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String, Table, func
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()

# The many-to-many association table. Pitfall: no primary key or unique
# constraint over (student_id, course_id): a student can be enrolled in the
# same course twice.
enrollments = Table(
    "enrollments",
    Base.metadata,
    Column("student_id", ForeignKey("students.id", ondelete="CASCADE"), nullable=False),
    Column("course_id", ForeignKey("courses.id", ondelete="CASCADE"), nullable=False),
    Column("enrolled_at", DateTime, server_default=func.now()),
)


class User(Base):
    __tablename__ = "users"
    id = Column(Integer, primary_key=True)
    name = Column(String(30), nullable=False)
    fullname = Column(String)
    email = Column(String, nullable=False, unique=True)
    # Pitfalls: the other side does not name this one back, and the key's
    # ON DELETE CASCADE is left unused (no passive_deletes=True): the ORM
    # loads every address to delete it itself.
    addresses = relationship("Address", back_populates="user", cascade="all, delete-orphan")


class Address(Base):
    __tablename__ = "addresses"
    id = Column(Integer, primary_key=True)
    email_address = Column(String, nullable=False)
    user_id = Column(Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False)
    user = relationship("User")


class Student(Base):
    __tablename__ = "students"
    id = Column(Integer, primary_key=True)
    name = Column(String, nullable=False)
    courses = relationship("Course", secondary=enrollments, backref="students")


class Course(Base):
    __tablename__ = "courses"
    id = Column(Integer, primary_key=True)
    title = Column(String, nullable=False)
    # Pitfall: ON DELETE SET NULL on a NOT NULL column.
    teacher_id = Column(
        Integer, ForeignKey("users.id", ondelete="SET NULL"), nullable=False, index=True
    )
    teacher = relationship("User")
