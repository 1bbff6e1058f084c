package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.TestReport;
import java.util.List;
import java.util.SortedMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Bundles that pass their own tests and the CRUD probe but each hold one vulnerability a hostile
 * client finds: the attack stage must fail the round with the right class and CWE, at the file and
 * line the service's traceback names where it names one. The good bundle passes the attack.
 */
class VulnerableBundlesIT {

  private final CheckFixture sandbox = new CheckFixture();

  @AfterEach
  void removeImages() {
    sandbox.close();
  }

  @Test
  void anUnboundedPathIdIsExceptionalInputAtTheLineThatOverflows() {
    TestReport report =
        failingCheck(
            SampleProjects.withChange(
                "app/models.py",
                "NoteId = Annotated[int, Path(ge=1, le=2**63 - 1)]",
                "NoteId = int"),
            false);

    assertThat(attacks(report))
        .anySatisfy(
            f -> {
              assertThat(f.check())
                  .isEqualTo("attack.exceptional-input.notes.integer beyond 64 bits in the path");
              assertThat(f.message()).startsWith("CWE-703 exceptional-input: GET /notes/");
              assertThat(f.file() + ":" + f.line()).isEqualTo("app/routers/notes.py:27");
            });
  }

  @Test
  void aStoredNonFiniteNumberIsDamageThatPersists() {
    TestReport report =
        failingCheck(
            SampleProjects.withChange(
                "app/models.py",
                "    priority: int = Field(default=1, ge=1, le=5)\n",
                "    priority: int = Field(default=1, ge=1, le=5)\n    weight: float = 1.0\n"),
            false);

    assertThat(attacks(report))
        .anySatisfy(
            f ->
                assertThat(f.check()).isEqualTo("attack.exceptional-input.notes.non-finite number"))
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("attack.persistent-damage.notes.damage persists");
              assertThat(f.message()).startsWith("CWE-703 persistent-damage: after POST /notes");
            });
  }

  @Test
  void aClientChosenIdIsMassAssignment() {
    TestReport report =
        failingCheck(
            SampleProjects.withChange(
                "app/models.py",
                "class NoteCreate(NoteBase):\n    pass",
                "class NoteCreate(NoteBase):\n    id: Optional[int] = None"),
            false);

    assertThat(attacks(report))
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("attack.mass-assignment.notes.client-chosen id");
              assertThat(f.message())
                  .startsWith("CWE-915 mass-assignment:")
                  .contains("under the id the client chose");
            });
  }

  @Test
  void anUncheckedForeignKeyBreaksReferentialIntegrity() {
    SortedMap<String, String> files = SampleProjects.good();
    files.put("app/routers/tags.py", resource("tags.py"));
    files.merge(
        "app/main.py",
        "\n\nfrom app.routers import tags  # noqa: E402\n\napp.include_router(tags.router)\n",
        String::concat);

    TestReport report = failingCheck(files, false);

    assertThat(attacks(report))
        .anySatisfy(
            f -> {
              assertThat(f.check())
                  .isEqualTo("attack.referential-integrity.tags.reference to a missing row");
              assertThat(f.message()).contains("refers to a row that does not exist");
            });
  }

  @Test
  void aFilterBuiltIntoTheSqlTextIsInjection() {
    TestReport report =
        failingCheck(
            SampleProjects.withChange(
                "app/routers/notes.py",
                "def list_notes(session: Session = Depends(get_session)) -> list[Note]:\n"
                    + "    return list(session.exec(select(Note)).all())\n",
                "def list_notes(title: str = \"\", session: Session = Depends(get_session))"
                    + " -> list[Note]:\n"
                    + "    query = f\"SELECT id FROM note WHERE title LIKE '%{title}%'\"\n"
                    + "    ids = [row[0] for row in session.connection().exec_driver_sql(query)]\n"
                    + "    return [session.get(Note, note_id) for note_id in ids]\n"),
            false);

    assertThat(attacks(report))
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("attack.injection.notes.SQL in a query parameter");
              assertThat(f.message()).startsWith("CWE-89 injection:");
            });
  }

  @Test
  void aServiceWithoutSignInFailsAccessControlWhenItsCharterNeedsOne() {
    TestReport report = failingCheck(SampleProjects.good(), true);

    assertThat(attacks(report))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.check()).startsWith("attack.access-control."))
        .anySatisfy(
            f ->
                assertThat(f.check() + " " + f.message())
                    .isEqualTo(
                        "attack.access-control.*.sign-in CWE-306 access-control: the service must"
                            + " sign users in, but its OpenAPI has no sign-in operation (a POST"
                            + " such as /login or /token that takes a password)"))
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("attack.access-control.notes.no credentials");
              assertThat(f.message())
                  .startsWith("CWE-306 access-control: POST /notes without credentials answered");
            });
  }

  @Test
  void aSignedInUserWhoReadsAnothersRowsIsBrokenAccessControl() {
    TestReport report = failingCheck(signedIn(false), true);

    assertThat(attacks(report))
        .isNotEmpty()
        .allSatisfy(f -> assertThat(f.check()).startsWith("attack.access-control.notes."))
        .anySatisfy(
            f -> {
              assertThat(f.check()).isEqualTo("attack.access-control.notes.another user's row");
              assertThat(f.message())
                  .startsWith("CWE-639 access-control: GET /notes/")
                  .contains("as a second user answered 200");
            })
        .anySatisfy(
            f ->
                assertThat(f.check()).isEqualTo("attack.access-control.notes.another user's list"));
  }

  @Test
  void aServiceThatKeepsEachUsersRowsToThemSurvivesTheAttack() {
    TestReport report = sandbox.check(signedIn(true), true);

    assertThat(report.failures()).isEmpty();
    assertThat(report.summary()).contains("pytest 3/3 passed", "0 finding");
  }

  @Test
  void theGoodBundleSurvivesTheAttack() {
    TestReport report = sandbox.check(SampleProjects.good(), false);

    assertThat(report.failures()).isEmpty();
    assertThat(report.summary())
        .containsPattern("attack \\d+ ms, \\d{2,} requests to \\d+ endpoints, 0 finding");
  }

  private TestReport failingCheck(SortedMap<String, String> files, boolean authRequired) {
    TestReport report = sandbox.check(files, authRequired);
    assertThat(report.passed()).isFalse();
    assertThat(report.summary()).contains("pytest 3/3 passed");
    assertThat(report.failures())
        .as("the CRUD probe alone does not see it")
        .allSatisfy(f -> assertThat(f.check()).startsWith("attack."));
    return report;
  }

  /** The notes service behind sign-up and sign-in; {@code owned}: each user sees only theirs. */
  private static SortedMap<String, String> signedIn(boolean owned) {
    SortedMap<String, String> files =
        SampleProjects.withChange(
            "app/models.py",
            "    id: Optional[int] = Field(default=None, primary_key=True)\n",
            "    id: Optional[int] = Field(default=None, primary_key=True)\n"
                + "    owner_id: Optional[int] = Field(default=None, index=True)\n");
    files.put("app/auth.py", resource("auth.py"));
    files.put(
        "app/routers/notes.py",
        resource("notes_signed_in.py")
            .replace("OWNED = True", "OWNED = " + (owned ? "True" : "False")));
    files.merge(
        "app/main.py",
        "\n\nfrom app import auth  # noqa: E402\n\napp.include_router(auth.router)\n",
        String::concat);
    files.put("tests/test_notes.py", resource("test_notes_signed_in.py"));
    return files;
  }

  private static List<CheckFailure> attacks(TestReport report) {
    return report.failures().stream().filter(f -> f.check().startsWith("attack.")).toList();
  }

  private static String resource(String name) {
    return CheckFixture.resource("vulnerable", name);
  }
}
