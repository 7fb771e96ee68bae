from sqlalchemy import Column, Integer, MetaData, String, Table

metadata = MetaData()

tags = Table("tags", metadata, Column("id", Integer, primary_key=True))

labels = Table(
    "tags",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(30)),
)
