"""Accounts: sign up with a password, sign in for a bearer token (OAuth2's password flow)."""
import hashlib
import secrets
from typing import Annotated, Optional

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm
from pydantic import BaseModel, Field as PydanticField
from sqlmodel import Field, Session, SQLModel, select

from app.database import get_session

router = APIRouter(tags=["accounts"])
tokens: dict[str, int] = {}
bearer = OAuth2PasswordBearer(tokenUrl="token")


class User(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    username: str = Field(index=True, unique=True, max_length=50)
    password_hash: str


class SignUp(BaseModel):
    username: str = PydanticField(min_length=3, max_length=50, pattern=r"^[A-Za-z0-9_.-]+$")
    password: str = PydanticField(min_length=8, max_length=200)


class Account(BaseModel):
    id: int
    username: str


def _hash(password: str, salt: str) -> str:
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), 100_000)
    return salt + "$" + digest.hex()


@router.post("/users", response_model=Account, status_code=201)
def sign_up(account: SignUp, session: Session = Depends(get_session)) -> Account:
    if session.exec(select(User).where(User.username == account.username)).first():
        raise HTTPException(status_code=409, detail="that username is taken")
    user = User(username=account.username, password_hash=_hash(account.password, secrets.token_hex(8)))
    session.add(user)
    session.commit()
    session.refresh(user)
    return Account(id=user.id, username=user.username)


@router.post("/token")
def sign_in(
    form: Annotated[OAuth2PasswordRequestForm, Depends()], session: Session = Depends(get_session)
) -> dict[str, str]:
    user = session.exec(select(User).where(User.username == form.username)).first()
    if user is None or _hash(form.password, user.password_hash.split("$")[0]) != user.password_hash:
        raise HTTPException(status_code=401, detail="wrong username or password")
    token = secrets.token_urlsafe(32)
    tokens[token] = user.id
    return {"access_token": token, "token_type": "bearer"}


def current_user(token: Annotated[str, Depends(bearer)]) -> int:
    if token not in tokens:
        raise HTTPException(status_code=401, detail="sign in first")
    return tokens[token]


CurrentUser = Annotated[int, Depends(current_user)]
