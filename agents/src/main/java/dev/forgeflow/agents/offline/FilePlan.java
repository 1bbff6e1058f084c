package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The files of a generated project, each with what it offers its siblings. */
final class FilePlan {
  private FilePlan() {}

  static List<PlannedFile> of(String databaseFile, List<Entity> entities) {
    String plurals = entities.stream().map(Entity::plural).collect(Collectors.joining(", "));
    List<PlannedFile> files = new ArrayList<>();
    files.add(new PlannedFile("app/__init__.py", "Marks app as a package", "package app"));
    files.add(
        new PlannedFile(
            "app/database.py",
            "SQLite engine and per-request sessions",
            "DATABASE_URL: str (env DATABASE_URL, default sqlite:////tmp/"
                + databaseFile
                + ");"
                + " engine; create_db_and_tables() -> None; get_session() -> Iterator[Session];"
                + " SessionDep = Annotated[Session, Depends(get_session)]"));
    files.add(
        new PlannedFile(
            "app/models.py",
            "SQLModel tables and request/response schemas",
            "MAX_INTEGER = 2**63 - 1; text bounded in length, floats finite, ints within 64 bits; "
                + entities.stream().map(FilePlan::models).collect(Collectors.joining("; "))));
    files.add(
        new PlannedFile(
            "app/routers/__init__.py",
            "Marks app.routers as a package",
            "package app.routers: one module per resource (" + plurals + "), each with router"));
    for (Entity entity : entities) {
      files.add(router(entity));
    }
    files.add(
        new PlannedFile(
            "app/main.py",
            "The FastAPI application",
            "app = FastAPI(lifespan=lifespan) including the router of app.routers.{"
                + plurals
                + "}; lifespan creates the tables; MAX_BODY_BYTES = 1 MiB, a larger body answers"
                + " 413; a 422 does not echo the input; GET /health -> {\"status\": \"ok\"}"));
    files.add(new PlannedFile("tests/__init__.py", "Marks tests as a package", "package tests"));
    files.add(
        new PlannedFile(
            "tests/conftest.py",
            "pytest fixtures",
            "client: TestClient on an isolated SQLite file (get_session overridden); for each"
                + " resource x: x_payload (valid POST body, parents created first), created_x"));
    files.add(
        new PlannedFile(
            "tests/test_health.py", "Tests of GET /health", "test_health_answers_ok(client)"));
    for (Entity entity : entities) {
      files.add(
          new PlannedFile(
              "tests/test_" + entity.plural() + ".py",
              "Tests of /" + entity.plural() + ": every CRUD operation, 404s, 413s and 422s",
              "pytest tests using the fixtures client, "
                  + Inflector.snake(entity.name())
                  + "_payload and created_"
                  + Inflector.snake(entity.name())));
    }
    files.add(new PlannedFile("pytest.ini", "pytest settings", "testpaths tests, pythonpath ."));
    files.add(
        new PlannedFile(
            "requirements.txt",
            "Runtime and test dependencies",
            "fastapi, sqlmodel, pydantic, uvicorn, httpx, pytest"));
    files.add(
        new PlannedFile(
            "README.md",
            "How to run and test; endpoints; data model",
            "uvicorn app.main:app; python -m pytest; DATABASE_URL"));
    return files;
  }

  private static String models(Entity entity) {
    String columns =
        entity.fields().stream().map(FilePlan::column).collect(Collectors.joining(", "));
    String name = entity.name();
    return name
        + " (table "
        + entity.plural()
        + ": id: int primary key, "
        + columns
        + "), "
        + name
        + "Create, "
        + name
        + "Read (with id), "
        + name
        + "Update (every field optional)";
  }

  private static String column(Field field) {
    String type = field.required() ? field.type() : field.type() + " | None";
    return field.name()
        + ": "
        + type
        + (field.references() == null ? "" : " -> " + field.references());
  }

  private static PlannedFile router(Entity entity) {
    EntityNames n = EntityNames.of(entity);
    String item = "/{" + n.singular() + "_id}";
    String read = n.className() + "Read";
    return new PlannedFile(
        "app/routers/" + n.plural() + ".py",
        "CRUD endpoints of /" + n.plural(),
        "router = APIRouter(prefix=\"/"
            + n.plural()
            + "\"): create_"
            + n.singular()
            + " POST -> "
            + read
            + " 201; list_"
            + n.plural()
            + " GET ?offset&limit -> list["
            + read
            + "]; read_"
            + n.singular()
            + " GET "
            + item
            + " -> "
            + read
            + " | 404 (ids 1..MAX_INTEGER); update_"
            + n.singular()
            + " PATCH "
            + item
            + " ("
            + n.className()
            + "Update) -> "
            + read
            + " | 404; delete_"
            + n.singular()
            + " DELETE "
            + item
            + " -> 204 | 404 | 409");
  }
}
