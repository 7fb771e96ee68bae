# Project facts: a Flask-style config class with SQLALCHEMY_DATABASE_URI (a
# MySQL URL) and a testing subclass overriding it with SQLite; plain
# declarative models, no engine created.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import declarative_base, relationship


class Config:
    SQLALCHEMY_DATABASE_URI = "mysql+pymysql://user:pw@db/shop?charset=utf8mb4"
    SQLALCHEMY_TRACK_MODIFICATIONS = False


class TestingConfig(Config):
    SQLALCHEMY_DATABASE_URI = "sqlite://"
    TESTING = True


Base = declarative_base()


class Brand(Base):
    __tablename__ = "brands"
    id = Column(Integer, primary_key=True)
    name = Column(String(60), unique=True)
    models = relationship("CarModel", back_populates="brand")


class CarModel(Base):
    __tablename__ = "car_models"
    id = Column(Integer, primary_key=True)
    brand_id = Column(Integer, ForeignKey("brands.id", ondelete="RESTRICT"), nullable=False)
    name = Column(String(60))
    brand = relationship("Brand", back_populates="models")
