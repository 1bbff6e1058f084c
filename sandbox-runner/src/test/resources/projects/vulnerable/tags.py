"""Tags of notes, with a foreign key nobody checks: SQLite does not enforce it by default."""
from typing import Optional

from fastapi import APIRouter, Depends, HTTPException
from sqlmodel import Field, Session, SQLModel

from app.database import get_session
from app.models import NoteId


class TagCreate(SQLModel):
    label: str = Field(max_length=50)
    note_id: int = Field(ge=1, le=2**63 - 1, foreign_key="note.id")


class Tag(TagCreate, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)


router = APIRouter(prefix="/tags", tags=["tags"])


@router.post("", response_model=Tag, status_code=201)
def create_tag(tag: TagCreate, session: Session = Depends(get_session)) -> Tag:
    stored = Tag.model_validate(tag)
    session.add(stored)
    session.commit()
    session.refresh(stored)
    return stored


@router.get("", response_model=list[Tag])
def list_tags(session: Session = Depends(get_session)) -> list[Tag]:
    return list(session.query(Tag).all())


@router.get("/{tag_id}", response_model=Tag)
def read_tag(tag_id: NoteId, session: Session = Depends(get_session)) -> Tag:
    tag = session.get(Tag, tag_id)
    if tag is None:
        raise HTTPException(status_code=404, detail=f"tag {tag_id} not found")
    return tag


@router.delete("/{tag_id}", status_code=204)
def delete_tag(tag_id: NoteId, session: Session = Depends(get_session)) -> None:
    session.delete(read_tag(tag_id, session))
    session.commit()
