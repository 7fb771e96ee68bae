# A one-to-one (uselist=False on the parent) over a key that is not unique.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Car(Base):
    __tablename__ = "cars"
    id = Column(Integer, primary_key=True)
    engine = relationship("Engine", back_populates="car", uselist=False)


class Engine(Base):
    __tablename__ = "engines"
    id = Column(Integer, primary_key=True)
    car_id = Column(Integer, ForeignKey("cars.id"), index=True)
    serial = Column(String(20))
    car = relationship("Car", back_populates="engine")


def oracle_probe(engine):
    with Session(engine) as s:
        s.add(Car(id=1))
        s.add_all([Engine(id=1, car_id=1), Engine(id=2, car_id=1)])
        s.commit()
        return {"engines pointing at car 1": s.query(Engine).filter_by(car_id=1).count()}
