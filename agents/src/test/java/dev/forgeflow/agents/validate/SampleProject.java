package dev.forgeflow.agents.validate;

import dev.forgeflow.workflows.artifacts.Column;
import dev.forgeflow.workflows.artifacts.Component;
import dev.forgeflow.workflows.artifacts.Endpoint;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.artifacts.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A small, valid FastAPI + SQLModel project (its tests pass under pytest) and its architecture. */
final class SampleProject {

  private SampleProject() {}

  /** The project's files, path to content. */
  static Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("app/__init__.py", "");
    files.put("app/database.py", DATABASE);
    files.put("app/models.py", MODELS);
    files.put("app/main.py", MAIN);
    files.put("app/routers/__init__.py", "");
    files.put("app/routers/books.py", BOOKS_ROUTER);
    files.put("app/routers/reviews.py", REVIEWS_ROUTER);
    files.put("tests/__init__.py", "");
    files.put("tests/conftest.py", CONFTEST);
    files.put("tests/test_books.py", TEST_BOOKS);
    return files;
  }

  /** The project's files with one file added or replaced. */
  static Map<String, String> filesWith(String path, String content) {
    Map<String, String> files = files();
    files.put(path, content);
    return files;
  }

  /**
   * The validators' issues for {@code files} against the sample architecture and bundled runtime.
   */
  static List<ReviewIssue> issuesOf(Map<String, String> files) {
    return new BundleValidators().validate(files, architecture(), RuntimeProfile.bundled());
  }

  /** The architecture whose file plan lists exactly the project's files. */
  static SystemArchitecture architecture() {
    return architecture(
        files().keySet().stream().map(p -> new PlannedFile(p, "part of the bookshop", "")).toList(),
        List.of(books("id"), reviews("id")));
  }

  static SystemArchitecture architecture(List<PlannedFile> plan, List<Table> dataModel) {
    return new SystemArchitecture(
        "# Bookshop",
        "flowchart LR",
        List.of(new Component("api", "serves books and reviews")),
        dataModel,
        List.of(new Endpoint("GET", "/books", "list books")),
        plan);
  }

  static Table books(String primaryKey) {
    return new Table(
        "book",
        primaryKey,
        List.of(new Column("id", "int", false, null), new Column("title", "str", false, null)));
  }

  static Table reviews(String primaryKey) {
    return new Table(
        "review",
        primaryKey,
        List.of(
            new Column("id", "int", false, null), new Column("book_id", "int", false, "book.id")));
  }

  static final String DATABASE =
      """
        \"""Database engine and the session dependency.\"""
        from collections.abc import Iterator

        from sqlmodel import Session, SQLModel, create_engine

        DATABASE_URL = "sqlite:///./app.db"
        engine = create_engine(DATABASE_URL, connect_args={"check_same_thread": False})


        def init_db() -> None:
            SQLModel.metadata.create_all(engine)


        def get_session() -> Iterator[Session]:
            with Session(engine) as session:
                yield session
        """;

  static final String MODELS =
      """
        \"""Tables of the book catalogue.

        A docstring may show code such as
        import requests
        without importing anything.
        \"""
        from typing import Optional

        from sqlmodel import Field, SQLModel


        class BookBase(SQLModel):
            title: str
            author: str
            price: float = Field(ge=0)


        class Book(BookBase, table=True):
            id: Optional[int] = Field(default=None, primary_key=True)


        class BookCreate(BookBase):
            pass


        class Review(SQLModel, table=True):
            id: Optional[int] = Field(default=None, primary_key=True)
            book_id: int = Field(foreign_key="book.id")
            rating: int = Field(ge=1, le=5)
            comment: str = ""  # free text, e.g. "great (really"
        """;

  static final String MAIN =
      """
        from contextlib import asynccontextmanager

        from fastapi import FastAPI

        from . import database
        from .routers import books, reviews


        @asynccontextmanager
        async def lifespan(_: FastAPI):
            database.init_db()
            yield


        app = FastAPI(title="Bookshop", lifespan=lifespan)
        app.include_router(books.router)
        app.include_router(reviews.router)


        @app.get("/health")
        def health() -> dict[str, str]:
            return {"status": "ok"}
        """;

  static final String BOOKS_ROUTER =
      """
        from fastapi import APIRouter, Depends, HTTPException
        from sqlmodel import Session, select

        from ..database import get_session
        from ..models import Book, BookCreate

        router = APIRouter(
            prefix="/books",
            tags=["books"],
        )


        @router.post("", response_model=Book, status_code=201)
        def create_book(book: BookCreate, session: Session = Depends(get_session)) -> Book:
            db_book = Book.model_validate(book)
            session.add(db_book)
            session.commit()
            session.refresh(db_book)
            return db_book


        @router.get("", response_model=list[Book])
        def list_books(session: Session = Depends(get_session)) -> list[Book]:
            return list(session.exec(select(Book)).all())


        @router.get("/{book_id}", response_model=Book)
        def read_book(book_id: int, session: Session = Depends(get_session)) -> Book:
            book = session.get(Book, book_id)
            if book is None:
                raise HTTPException(status_code=404, detail=f"book {book_id} not found")
            return book
        """;

  static final String REVIEWS_ROUTER =
      """
        from fastapi import APIRouter, Depends
        from sqlmodel import Session, select

        from app.database import get_session
        from app.models import Review

        router = APIRouter(prefix="/reviews", tags=["reviews"])


        @router.post("", response_model=Review, status_code=201)
        def create_review(review: Review, session: Session = Depends(get_session)) -> Review:
            session.add(review)
            session.commit()
            session.refresh(review)
            return review


        @router.get("", response_model=list[Review])
        def list_reviews(session: Session = Depends(get_session)) -> list[Review]:
            return list(session.exec(select(Review)).all())
        """;

  static final String CONFTEST =
      """
        import pytest
        from fastapi.testclient import TestClient
        from sqlmodel import Session, SQLModel, create_engine
        from sqlmodel.pool import StaticPool

        from app.database import get_session
        from app.main import app


        @pytest.fixture()
        def client():
            engine = create_engine(
                "sqlite://", connect_args={"check_same_thread": False}, poolclass=StaticPool
            )
            SQLModel.metadata.create_all(engine)

            def override():
                with Session(engine) as session:
                    yield session

            app.dependency_overrides[get_session] = override
            yield TestClient(app)
            app.dependency_overrides.clear()
        """;

  static final String TEST_BOOKS =
      """
        def test_created_book_can_be_read(client):
            created = client.post("/books", json={"title": "Dune", "author": "Herbert", "price": 9.5})
            assert created.status_code == 201
            book_id = created.json()["id"]
            assert client.get(f"/books/{book_id}").json()["title"] == "Dune"


        def test_missing_book_is_404(client):
            assert client.get("/books/999").status_code == 404


        def test_review_refers_to_book(client):
            book_id = client.post("/books", json={"title": "Emma", "author": "Austen", "price": 5}).json()["id"]
            review = client.post("/reviews", json={"book_id": book_id, "rating": 5, "comment": "fine"})
            assert review.status_code == 201
        """;
}
