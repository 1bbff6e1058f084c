package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttackReportTest {

  private static final String REPORT =
      """
      {"passed": 40, "failed": 2, "sent": 120, "requests": {"POST /books": 80, "GET /books": 40},
       "checks": [
        {"resource": "books", "check": "non-finite number", "class": "exceptional-input",
         "cwe": "CWE-703", "ok": false, "field": "price",
         "request": "POST /books {\\"price\\": NaN}", "answer": "500 Internal Server Error",
         "detail": "POST /books {\\"price\\": NaN} answered 500 Internal Server Error"},
        {"resource": "books", "check": "client-chosen id", "class": "mass-assignment",
         "cwe": "CWE-915", "ok": false, "field": "id",
         "request": "POST /books {\\"id\\": 7340033}", "answer": "201 {\\"id\\": 7340033}",
         "detail": "stored the row under the id the client chose (7340033)"},
        {"resource": "books", "check": "SQL in a string field", "class": "injection",
         "cwe": "CWE-89", "ok": true, "request": "POST /books", "answer": "201", "detail": "ok"}
       ]}
      """;

  private static final ServerLog LOG =
      new ServerLog(
          """
          INFO:     127.0.0.1:1 - "POST /books HTTP/1.1" 500 Internal Server Error
          Traceback (most recent call last):
            File "/app/app/routers/books.py", line 41, in create_book
              session.commit()
          sqlalchemy.exc.IntegrityError: NOT NULL constraint failed: books.price
          """);

  private static final RouteIndex ROUTES =
      new RouteIndex(Map.of("app/routers/books.py", "\nrouter = APIRouter(prefix=\"/books\")\n"));

  @Test
  void eachFindingIsAFailedCheckNamedByClassWithItsCweRequestAndAnswer() {
    AttackReport report = AttackReport.parse(REPORT, new ServerLog(""), RouteIndex.empty());

    assertThat(report.requests()).isEqualTo(120);
    assertThat(report.endpoints()).isEqualTo(2);
    assertThat(report.failures())
        .extracting(CheckFailure::check)
        .containsExactly(
            "attack.exceptional-input.books.non-finite number",
            "attack.mass-assignment.books.client-chosen id");
    assertThat(report.failures().get(1).message())
        .isEqualTo(
            "CWE-915 mass-assignment: stored the row under the id the client chose (7340033)"
                + " (request: POST /books {\"id\": 7340033}) (answer: 201 {\"id\": 7340033})");
  }

  @Test
  void aTracebackLocatesItsRequestsFindingAndTheRouteLocatesTheRest() {
    AttackReport report = AttackReport.parse(REPORT, LOG, ROUTES);

    assertThat(report.failures())
        .extracting(f -> f.file() + ":" + f.line())
        .containsExactly("app/routers/books.py:41", "app/routers/books.py:2");
  }

  @Test
  void aCollectionTheAttackCouldNotCoverIsAFailure() {
    String report =
        "{\"passed\": 30, \"failed\": 0, \"sent\": 90, \"requests\": {},"
            + " \"skipped\": [\"/items: no known row could be created (422)\"], \"checks\": []}";

    assertThat(AttackReport.parse(report, LOG, ROUTES).failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.check()).isEqualTo("attack.skipped");
              assertThat(f.message())
                  .isEqualTo(
                      "the attack could not cover /items: no known row could be created (422)");
            });
  }

  @Test
  void findingsPastTheLimitAreCountedByClass() {
    StringBuilder checks = new StringBuilder();
    for (int i = 0; i < AttackReport.MAX_FINDINGS + 5; i++) {
      checks
          .append(i == 0 ? "" : ",")
          .append("{\"resource\": \"books\", \"check\": \"huge string\",")
          .append(" \"class\": \"exceptional-input\", \"cwe\": \"CWE-20\", \"ok\": false,")
          .append(" \"request\": \"POST /books\", \"answer\": \"201\", \"detail\": \"accepted\"}");
    }
    String report = "{\"passed\": 1, \"sent\": 40, \"checks\": [" + checks + "]}";

    List<CheckFailure> failures = AttackReport.parse(report, LOG, ROUTES).failures();

    assertThat(failures).hasSize(AttackReport.MAX_FINDINGS + 1);
    assertThat(failures.get(AttackReport.MAX_FINDINGS))
        .isEqualTo(
            new CheckFailure(
                "attack.more",
                null,
                0,
                "5 more finding(s) of the same attack, by class: {exceptional-input=5}"));
  }

  @Test
  void anUnreadableOrEmptyReportIsAFailure() {
    assertThat(AttackReport.parse("not json", LOG, ROUTES).failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("unreadable attack report"));
    assertThat(AttackReport.parse("", LOG, ROUTES).failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).isEqualTo("the attack ran no check"));
  }
}
