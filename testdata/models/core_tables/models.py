# Core only: a MetaData and Table(...) objects at module level, one defined
# inside an if block and one inside try/except. No mapped classes.
import os

from sqlalchemy import Column, ForeignKey, Index, Integer, MetaData, String, Table, UniqueConstraint

metadata = MetaData()

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False),
    Column("email", String(100)),
    UniqueConstraint("email", name="uq_users_email"),
)

posts = Table(
    "posts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("author_id", ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("title", String(200)),
    Index("ix_posts_author", "author_id"),
)

if os.environ.get("RELMAP_NEVER_SET") is None:
    tags = Table(
        "tags",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("label", String(30), unique=True),
    )

try:
    post_tags = Table(
        "post_tags",
        metadata,
        Column("post_id", ForeignKey("posts.id"), primary_key=True),
        Column("tag_id", ForeignKey("tags.id"), primary_key=True),
    )
except Exception:  # pragma: no cover
    post_tags = None
