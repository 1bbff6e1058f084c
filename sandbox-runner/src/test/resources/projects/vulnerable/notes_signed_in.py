"""Notes for signed-in users. OWNED says whether each user sees only their own."""
from fastapi import APIRouter, Depends, HTTPException
from sqlmodel import Session, select

from app.auth import CurrentUser
from app.database import get_session
from app.models import Note, NoteCreate, NoteId, NoteUpdate

router = APIRouter(prefix="/notes", tags=["notes"])
OWNED = True


@router.post("", response_model=Note, status_code=201)
def create_note(note: NoteCreate, user: CurrentUser, session: Session = Depends(get_session)) -> Note:
    stored = Note.model_validate(note, update={"owner_id": user})
    session.add(stored)
    session.commit()
    session.refresh(stored)
    return stored


@router.get("", response_model=list[Note])
def list_notes(user: CurrentUser, session: Session = Depends(get_session)) -> list[Note]:
    query = select(Note).where(Note.owner_id == user) if OWNED else select(Note)
    return list(session.exec(query).all())


@router.get("/{note_id}", response_model=Note)
def read_note(note_id: NoteId, user: CurrentUser, session: Session = Depends(get_session)) -> Note:
    note = session.get(Note, note_id)
    if note is None or (OWNED and note.owner_id != user):
        raise HTTPException(status_code=404, detail=f"note {note_id} not found")
    return note


@router.patch("/{note_id}", response_model=Note)
def update_note(
    note_id: NoteId, change: NoteUpdate, user: CurrentUser, session: Session = Depends(get_session)
) -> Note:
    note = read_note(note_id, user, session)
    note.sqlmodel_update(change.model_dump(exclude_unset=True))
    session.add(note)
    session.commit()
    session.refresh(note)
    return note


@router.delete("/{note_id}", status_code=204)
def delete_note(note_id: NoteId, user: CurrentUser, session: Session = Depends(get_session)) -> None:
    session.delete(read_note(note_id, user, session))
    session.commit()
