package dev.forgeflow.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileRenderingTest {
  private final OfflinePlanner planner = new OfflinePlanner();
  private final ProjectCharter bookstore = planner.charter(SamplePrompts.BOOKSTORE);

  @Test
  void filePlanListsEveryFileTheRendererProduces() {
    SystemArchitecture architecture = planner.architecture(bookstore, null);

    assertThat(architecture.filePlan())
        .extracting(PlannedFile::path)
        .containsExactly(
            "app/__init__.py",
            "app/database.py",
            "app/models.py",
            "app/routers/__init__.py",
            "app/routers/books.py",
            "app/routers/reviews.py",
            "app/main.py",
            "tests/__init__.py",
            "tests/conftest.py",
            "tests/test_health.py",
            "tests/test_books.py",
            "tests/test_reviews.py",
            "pytest.ini",
            "requirements.txt",
            "README.md");
    for (PlannedFile file : architecture.filePlan()) {
      assertThat(file.publicInterface()).as(file.path()).isNotBlank();
      assertThat(planner.render(file, bookstore, architecture)).as(file.path()).isNotBlank();
    }
    PlannedFile unplanned = new PlannedFile("app/routers/authors.py", "not planned", "");
    assertThatThrownBy(() -> planner.render(unplanned, bookstore, architecture))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("app/routers/authors.py");
  }

  @Test
  void rendersModelsRoutersAndAppFromTheDataModel() {
    Map<String, String> files = render(bookstore, planner.architecture(bookstore, null));

    assertThat(files.get("app/models.py"))
        .contains("class Book(BookBase, table=True):")
        .contains("id: int | None = Field(default=None, primary_key=True)")
        .contains(
            "book_id: int = Field(foreign_key=\"books.id\", index=True, ge=1, le=MAX_INTEGER)")
        .contains("class ReviewCreate(ReviewBase):", "class ReviewRead(ReviewBase):")
        .contains("class ReviewUpdate(SQLModel):\n");
    assertThat(files.get("app/routers/reviews.py"))
        .contains("router = APIRouter(prefix=\"/reviews\", tags=[\"reviews\"])")
        .contains("@router.post(\"\", response_model=ReviewRead, status_code=201)")
        .contains("@router.delete(\"/{review_id}\", status_code=204)")
        .contains("does not refer to an existing book");
    assertThat(files.get("app/routers/books.py")).contains("status_code=409");
    assertThat(files.get("app/main.py"))
        .contains("from app.routers import books, reviews")
        .contains("app.include_router(reviews.router)")
        .contains("@app.get(\"/health\"");
    assertThat(files.get("app/database.py")).contains("\"sqlite:////tmp/bookstore_api.db\"");
  }

  @Test
  void rendersDatetimesAsNaiveUtcWithAnExplicitColumnType() {
    ProjectCharter clinic = planner.charter(SamplePrompts.CLINIC);
    String models =
        GeneratedProject.render(planner, clinic, planner.architecture(clinic, null))
            .get("app/models.py");

    assertThat(models)
        .contains("UtcDatetime = Annotated[dt.datetime, AfterValidator(_as_utc)]")
        .contains("scheduled_at: UtcDatetime = Field(sa_type=DateTime())")
        .contains("birth_date: dt.date\n")
        .contains("return value.astimezone(dt.timezone.utc).replace(tzinfo=None)")
        .contains("except OverflowError:");
  }

  @Test
  void boundsWhatClientsSendToWhatTheDatabaseStores() {
    Map<String, String> files = render(bookstore, planner.architecture(bookstore, null));

    assertThat(files.get("app/models.py"))
        .contains("from pydantic import AfterValidator, FiniteFloat\n")
        .contains("MAX_INTEGER = 2**63 - 1\n")
        .contains("Int64 = Annotated[int, Field(ge=-MAX_INTEGER - 1, le=MAX_INTEGER)]\n")
        .contains("ShortText = Annotated[str, Field(max_length=255), AfterValidator(_encodable)]")
        .contains("LongText = Annotated[str, Field(max_length=10_000), AfterValidator(_encodable)]")
        .contains("    title: ShortText\n", "    price: FiniteFloat\n", "    rating: Int64\n")
        .contains("    comment: LongText\n", "    comment: LongText | None = None\n")
        .contains("    book_id: int | None = Field(default=None, ge=1, le=MAX_INTEGER)\n");
    assertThat(files.get("app/routers/reviews.py"))
        .contains("from app.models import MAX_INTEGER, Book, Review,")
        .contains("ReviewId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]")
        .contains("def read_review(review_id: ReviewId, session: SessionDep) -> Review:")
        .contains("offset: Annotated[int, Query(ge=0, le=MAX_INTEGER)] = 0,");
    assertThat(files.get("app/main.py"))
        .contains("MAX_BODY_BYTES = 1024 * 1024\n")
        .contains("app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)\n")
        .contains("@app.exception_handler(RequestValidationError)\n");
    assertThat(files.get("tests/test_reviews.py"))
        .contains("def test_create_review_with_too_long_comment_returns_422(")
        .contains("\"comment\": \"x\" * 10_001}")
        .contains("def test_create_review_with_rating_beyond_64_bits_returns_422(")
        .contains("def test_read_review_with_id_beyond_64_bits_returns_422(")
        .contains("def test_create_review_with_streamed_body_over_the_limit_returns_413(");
    assertThat(files.get("tests/test_books.py"))
        .contains("import json\n\nimport pytest\nfrom fastapi.testclient import TestClient\n")
        .contains("def test_create_book_with_non_finite_price_returns_422(");
  }

  @Test
  void optionalFieldsOfAnnotatedTypesStateTheirColumnType() {
    ProjectCharter clinic = planner.charter(SamplePrompts.CLINIC);
    String models =
        GeneratedProject.render(planner, clinic, planner.architecture(clinic, null))
            .get("app/models.py");

    assertThat(models)
        .contains("from sqlmodel import AutoString, Field, SQLModel\n")
        .contains("notes: LongText | None = Field(default=None, sa_type=AutoString(length=10_000))")
        .contains("full_name: ShortText\n");
  }

  @Test
  void wrapsLongHeadersAndDeclarationsLikeTheUsualFormatters() {
    ProjectCharter orders = planner.charter(SamplePrompts.ORDERS);
    Map<String, String> files =
        GeneratedProject.render(planner, orders, planner.architecture(orders, null));

    assertThat(files.get("app/routers/order_items.py"))
        .contains(
            "def update_order_item(\n"
                + "    order_item_id: OrderItemId, payload: OrderItemUpdate, session: SessionDep\n"
                + ") -> OrderItem:");
    assertThat(files.get("app/routers/orders.py"))
        .contains("def read_order(order_id: OrderId, session: SessionDep) -> Order:");
    files.entrySet().stream()
        .filter(file -> file.getKey().endsWith(".py"))
        .forEach(
            file ->
                assertThat(file.getValue().lines())
                    .as(file.getKey())
                    .allMatch(line -> line.length() <= 88));
  }

  private Map<String, String> render(ProjectCharter charter, SystemArchitecture architecture) {
    return GeneratedProject.render(planner, charter, architecture);
  }
}
