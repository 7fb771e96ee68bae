# backref="..." as a plain string on the many-to-one side and on the
# one-to-many side: each creates the partner attribute on the other class.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Forum(Base):
    __tablename__ = "forums"
    id = Column(Integer, primary_key=True)
    title = Column(String(80))
    threads = relationship("Thread", backref="forum")


class Thread(Base):
    __tablename__ = "threads"
    id = Column(Integer, primary_key=True)
    forum_id = Column(Integer, ForeignKey("forums.id"), nullable=False)
    subject = Column(String(200))


class Post(Base):
    __tablename__ = "posts"
    id = Column(Integer, primary_key=True)
    thread_id = Column(Integer, ForeignKey("threads.id", ondelete="CASCADE"))
    body = Column(String(2000))
    thread = relationship("Thread", backref="posts")
