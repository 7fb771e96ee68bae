# A third module that uses the session factory and the models (not mapped
# itself); imports both by stem.
from db import SessionLocal
from models import Issue, Project


def open_issue(project_id: int, title: str) -> Issue:
    with SessionLocal() as session:
        issue = Issue(project_id=project_id, title=title)
        session.add(issue)
        session.commit()
        return issue


def projects() -> list:
    with SessionLocal() as session:
        return session.query(Project).all()
