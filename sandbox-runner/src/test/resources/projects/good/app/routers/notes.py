"""CRUD endpoints for notes."""
from fastapi import APIRouter, Depends, HTTPException
from sqlmodel import Session, select

from app.database import get_session
from app.models import Note, NoteCreate, NoteId, NoteUpdate

router = APIRouter(prefix="/notes", tags=["notes"])


@router.post("", response_model=Note, status_code=201)
def create_note(note: NoteCreate, session: Session = Depends(get_session)) -> Note:
    stored = Note.model_validate(note)
    session.add(stored)
    session.commit()
    session.refresh(stored)
    return stored


@router.get("", response_model=list[Note])
def list_notes(session: Session = Depends(get_session)) -> list[Note]:
    return list(session.exec(select(Note)).all())


@router.get("/{note_id}", response_model=Note)
def read_note(note_id: NoteId, session: Session = Depends(get_session)) -> Note:
    note = session.get(Note, note_id)
    if note is None:
        raise HTTPException(status_code=404, detail=f"note {note_id} not found")
    return note


@router.patch("/{note_id}", response_model=Note)
def update_note(note_id: NoteId, change: NoteUpdate, session: Session = Depends(get_session)) -> Note:
    note = read_note(note_id, session)
    note.sqlmodel_update(change.model_dump(exclude_unset=True))
    session.add(note)
    session.commit()
    session.refresh(note)
    return note


@router.delete("/{note_id}", status_code=204)
def delete_note(note_id: NoteId, session: Session = Depends(get_session)) -> None:
    session.delete(read_note(note_id, session))
    session.commit()
