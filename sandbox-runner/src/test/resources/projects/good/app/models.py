"""The notes table and its request bodies."""
from typing import Annotated, Optional

from fastapi import Path
from sqlmodel import Field, SQLModel

# Ids are SQLite integers: anything else is refused before the database sees it.
NoteId = Annotated[int, Path(ge=1, le=2**63 - 1)]


class NoteBase(SQLModel):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(default="", max_length=10_000)
    priority: int = Field(default=1, ge=1, le=5)


class Note(NoteBase, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)


class NoteCreate(NoteBase):
    pass


class NoteUpdate(SQLModel):
    title: Optional[str] = Field(default=None, min_length=1, max_length=200)
    body: Optional[str] = Field(default=None, max_length=10_000)
    priority: Optional[int] = Field(default=None, ge=1, le=5)
