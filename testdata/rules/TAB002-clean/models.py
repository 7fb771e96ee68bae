from sqlalchemy import Column, Integer, MetaData, String, Table

metadata = MetaData()

tags = Table("tags", metadata, Column("id", Integer, primary_key=True))

tags_again = Table(
    "tags",
    metadata,
    Column("name", String(30)),
    extend_existing=True,
)
