"""The notes table and its request bodies."""
from typing import Optional

from sqlmodel import Field, SQLModel


class NoteBase(SQLModel):
    title: str = Field(min_length=1, max_length=200)
    body: str = ""
    priority: int = Field(default=1, ge=1, le=5)


class Note(NoteBase, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)


class NoteCreate(NoteBase):
    pass


class NoteUpdate(SQLModel):
    title: Optional[str] = Field(default=None, min_length=1, max_length=200)
    body: Optional[str] = None
    priority: Optional[int] = Field(default=None, ge=1, le=5)
