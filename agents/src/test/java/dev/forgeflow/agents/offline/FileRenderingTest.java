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
        .contains("book_id: int = Field(foreign_key=\"books.id\", index=True)")
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
        .contains("notes: str | None = None\n");
  }

  @Test
  void wrapsLongHeadersAndDeclarationsLikeTheUsualFormatters() {
    ProjectCharter orders = planner.charter(SamplePrompts.ORDERS);
    Map<String, String> files =
        GeneratedProject.render(planner, orders, planner.architecture(orders, null));

    assertThat(files.get("app/routers/order_items.py"))
        .contains(
            "def update_order_item(\n"
                + "    order_item_id: int, payload: OrderItemUpdate, session: SessionDep\n"
                + ") -> OrderItem:");
    assertThat(files.get("app/routers/orders.py"))
        .contains("def read_order(order_id: int, session: SessionDep) -> Order:");
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
