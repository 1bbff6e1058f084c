package dev.forgeflow.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders the projects of differently worded prompts and runs them for real with the venv of
 * scripts/python-test-env: they compile, import nothing unused or outside the runtime profile, pass
 * their own tests, pass the OpenAPI CRUD probe and survive the OpenAPI attack; a sabotaged service
 * fails the probe or the attack.
 */
class GeneratedServiceIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PROBE = "openapi_crud_probe.py";
  private static final String ATTACK = "openapi_attack.py";
  private static final int CHECKS_PER_RESOURCE = 9;

  /** The least the attack checks and sends per resource: a resource of one field gets ~40, 90. */
  private static final int ATTACK_CHECKS_PER_RESOURCE = 35;

  private static final int ATTACK_REQUESTS_PER_RESOURCE = 80;

  static Stream<String> prompts() {
    return SamplePrompts.all().stream();
  }

  @ParameterizedTest
  @MethodSource("prompts")
  void generatedServicePassesItsTestsAndTheProbe(String prompt, @TempDir Path dir)
      throws Exception {
    GeneratedProject.write(prompt, dir);
    int resources = new OfflinePlanner().charter(prompt).entities().size();

    PythonRun compile = PythonRun.in(dir, "-m", "compileall", "-q", "app", "tests");
    assertThat(compile.exitCode()).as(compile.describe()).isZero();
    PythonRun imports = PythonRun.in(dir, "-c", ImportCheck.SCRIPT, "app", "tests");
    assertThat(imports.exitCode()).as(imports.describe()).isZero();
    PythonRun pytest = PythonRun.in(dir, "-m", "pytest", "-q");
    assertThat(pytest.exitCode()).as(pytest.describe()).isZero();
    String summary = pytest.out().strip().lines().reduce((first, last) -> last).orElse("");
    assertThat(summary)
        .as(pytest.describe())
        .matches("\\d+ passed.*")
        .doesNotContain("failed", "error");

    JsonNode report = probe(dir);
    assertThat(report.get("failed").asInt()).as(report.toPrettyString()).isZero();
    assertThat(report.get("passed").asInt()).isEqualTo(CHECKS_PER_RESOURCE * resources);
  }

  static Stream<Arguments> sabotages() {
    return Stream.of(
        Arguments.of(
            "    item = Book.model_validate(payload)\n",
            "    raise RuntimeError(\"sabotaged\")\n",
            "create",
            "answered 500"),
        Arguments.of(
            "@router.post(\"\", response_model=BookRead, status_code=201)",
            "@router.post(\"\", response_model=BookRead, status_code=202)",
            "create",
            "answered 202"),
        Arguments.of("    item.sqlmodel_update(changes)\n", "", "update", "but GET shows"),
        Arguments.of(
            "    session.delete(item)\n", "    session.expunge(item)\n", "read deleted", "200"));
  }

  @ParameterizedTest
  @MethodSource("sabotages")
  void probeCatchesABrokenService(
      String original, String broken, String check, String detail, @TempDir Path dir)
      throws Exception {
    GeneratedProject.write(SamplePrompts.BOOKSTORE, dir);
    Path router = dir.resolve("app/routers/books.py");
    String source = Files.readString(router);
    assertThat(source).contains(original);
    Files.writeString(router, source.replace(original, broken));

    PythonRun run = PythonRun.in(dir, copyScript(dir, PROBE).toString(), "--app", "app.main:app");

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    List<String> failures = new ArrayList<>();
    for (JsonNode c : JSON.readTree(run.out()).get("checks")) {
      if (!c.get("ok").asBoolean()) {
        failures.add(
            c.get("resource").asText()
                + " "
                + c.get("check").asText()
                + ": "
                + c.get("detail").asText());
      }
    }
    assertThat(failures)
        .anySatisfy(f -> assertThat(f).startsWith("books " + check + ":").contains(detail));
  }

  @ParameterizedTest
  @MethodSource("prompts")
  void generatedServiceSurvivesTheAttack(String prompt, @TempDir Path dir) throws Exception {
    GeneratedProject.write(prompt, dir);
    int resources = new OfflinePlanner().charter(prompt).entities().size();

    PythonRun run = attack(dir);

    JsonNode report = JSON.readTree(run.out());
    assertThat(failures(report)).as(run.describe()).isEmpty();
    assertThat(report.get("failed").asInt()).as(run.describe()).isZero();
    assertThat(run.exitCode()).as(run.describe()).isZero();
    assertThat(report.get("skipped")).as(run.describe()).isEmpty();
    assertThat(report.get("passed").asInt())
        .as(run.describe())
        .isGreaterThanOrEqualTo(ATTACK_CHECKS_PER_RESOURCE * resources);
    assertThat(report.get("sent").asInt())
        .as(run.describe())
        .isGreaterThanOrEqualTo(ATTACK_REQUESTS_PER_RESOURCE * resources);
  }

  static Stream<Arguments> attackSabotages() {
    return Stream.of(
        Arguments.of(
            "app/models.py",
            "    price: FiniteFloat\n",
            "    price: float\n",
            "books exceptional-input non-finite number"),
        Arguments.of(
            "app/routers/books.py",
            "BookId = Annotated[int, Path(ge=1, le=MAX_INTEGER)]",
            "BookId = Annotated[int, Path(ge=1)]",
            "books exceptional-input integer beyond 64 bits in the path"),
        Arguments.of(
            "app/routers/reviews.py",
            "    _check_references(session, payload.model_dump())\n",
            "",
            "reviews referential-integrity reference to a missing row"),
        Arguments.of(
            "app/main.py",
            "app.add_middleware(BodySizeLimit, max_bytes=MAX_BODY_BYTES)\n",
            "",
            "books exceptional-input huge body"));
  }

  @ParameterizedTest
  @MethodSource("attackSabotages")
  void attackCatchesAWeakenedService(
      String file, String original, String weakened, String finding, @TempDir Path dir)
      throws Exception {
    GeneratedProject.write(SamplePrompts.BOOKSTORE, dir);
    Path path = dir.resolve(file);
    String source = Files.readString(path);
    assertThat(source).contains(original);
    Files.writeString(path, source.replace(original, weakened));

    PythonRun run = attack(dir);

    assertThat(run.exitCode()).as(run.describe()).isEqualTo(1);
    assertThat(failures(JSON.readTree(run.out())))
        .as(run.describe())
        .anySatisfy(f -> assertThat(f).startsWith(finding + ": "));
  }

  private static JsonNode probe(Path dir) throws IOException, InterruptedException {
    PythonRun run = PythonRun.in(dir, copyScript(dir, PROBE).toString(), "--app", "app.main:app");
    JsonNode report = JSON.readTree(run.out());
    assertThat(run.exitCode()).as(run.describe()).isZero();
    return report;
  }

  /** Runs the attack in-process, the CRUD probe beside it as it expects. */
  private static PythonRun attack(Path dir) throws IOException, InterruptedException {
    copyScript(dir, PROBE);
    return PythonRun.in(dir, copyScript(dir, ATTACK).toString(), "--app", "app.main:app");
  }

  /** The attack's failed checks, one line each: resource, class, check, then the detail. */
  private static List<String> failures(JsonNode report) {
    List<String> failures = new ArrayList<>();
    for (JsonNode c : report.get("checks")) {
      if (!c.get("ok").asBoolean()) {
        failures.add(
            String.join(
                " ",
                c.get("resource").asText(),
                c.get("class").asText(),
                c.get("check").asText() + ":",
                c.get("detail").asText()));
      }
    }
    return failures;
  }

  private static Path copyScript(Path dir, String name) throws IOException {
    Path script = dir.resolve(name);
    try (InputStream in = GeneratedServiceIT.class.getResourceAsStream("/probes/" + name)) {
      assertThat(in).as("probe resource " + name).isNotNull();
      Files.copy(in, script);
    }
    return script;
  }
}
