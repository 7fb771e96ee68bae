# Pitfall SQLAlchemy does not report: only one side names the other with
# back_populates (Kennel.dogs -> "kennel"; Dog.kennel names nothing), so
# setting Dog.kennel does not update Kennel.dogs in memory.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Kennel(Base):
    __tablename__ = "kennels"
    id = Column(Integer, primary_key=True)
    dogs = relationship("Dog", back_populates="kennel")


class Dog(Base):
    __tablename__ = "dogs"
    id = Column(Integer, primary_key=True)
    kennel_id = Column(Integer, ForeignKey("kennels.id"))
    name = Column(String(30))
    kennel = relationship("Kennel")


def oracle_probe(engine):
    with Session(engine) as s:
        k = Kennel()
        d = Dog(name="rex")
        d.kennel = k
        in_collection_via_dog_side = d in k.dogs
        k2 = Kennel()
        d2 = Dog(name="fido")
        k2.dogs.append(d2)
        parent_set_via_collection_side = d2.kennel is k2
        s.add_all([k, k2])
        s.flush()
        return {"dog.kennel = k puts dog in k.dogs": in_collection_via_dog_side,
                "k.dogs.append(d) sets d.kennel": parent_set_via_collection_side}
