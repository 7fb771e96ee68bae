# Relationship options that change behaviour but not shape: cascade,
# passive_deletes, lazy, order_by (string and column), viewonly and overlaps.
from sqlalchemy import Column, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship

Base = declarative_base()


class Blog(Base):
    __tablename__ = "blogs"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    entries = relationship(
        "Entry",
        back_populates="blog",
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="desc(Entry.published)",
    )
    recent = relationship("Entry", viewonly=True, lazy="dynamic", order_by="Entry.id")
    entries_raw = relationship("Entry", overlaps="entries,blog", lazy="noload")


class Entry(Base):
    __tablename__ = "entries"
    id = Column(Integer, primary_key=True)
    blog_id = Column(Integer, ForeignKey("blogs.id", ondelete="CASCADE"), nullable=False)
    published = Column(DateTime)
    blog = relationship("Blog", back_populates="entries", lazy="joined")
