"""The notes service."""
from contextlib import asynccontextmanager

from fastapi import FastAPI

from app import database, limits
from app.routers import notes


@asynccontextmanager
async def lifespan(_: FastAPI):
    database.init_db()
    yield


app = FastAPI(title="Notes", lifespan=lifespan)
app.include_router(notes.router)


@app.get("/health")
def health() -> dict[str, str]:
    return {"status": "ok"}


limits.install(app)
