# A self-referential scalar "manager" without remote_side: SQLAlchemy takes it
# as one-to-many, so worker.manager = boss writes the link the wrong way round.
from sqlalchemy import Column, ForeignKey, Integer, String
from sqlalchemy.orm import Session, declarative_base, relationship

Base = declarative_base()


class Employee(Base):
    __tablename__ = "employees"
    id = Column(Integer, primary_key=True)
    name = Column(String(40))
    manager_id = Column(Integer, ForeignKey("employees.id"), index=True)
    manager = relationship("Employee", uselist=False)


def oracle_probe(engine):
    with Session(engine) as s:
        boss = Employee(id=1, name="boss")
        worker = Employee(id=2, name="worker")
        worker.manager = boss
        s.add_all([boss, worker])
        s.commit()
        return {"worker.manager_id": s.get(Employee, 2).manager_id,
                "boss.manager_id": s.get(Employee, 1).manager_id}
