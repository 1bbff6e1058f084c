package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import org.junit.jupiter.api.Test;

class CompileReportTest {

  @Test
  void eachSyntaxErrorIsACompileFailureAtItsLine() {
    String json =
        """
        {"files": 9, "errors": [{"file": "app/routers/notes.py", "line": 21,
         "message": "SyntaxError: expected ':'"}]}
        """;

    CompileReport report = CompileReport.parse(json);

    assertThat(report.files()).isEqualTo(9);
    assertThat(report.failures())
        .containsExactly(
            new CheckFailure("compile", "app/routers/notes.py", 21, "SyntaxError: expected ':'"));
  }

  @Test
  void aCleanProjectHasNoFailuresAndAnUnreadableReportHasOne() {
    assertThat(CompileReport.parse("{\"files\": 3, \"errors\": []}").failures()).isEmpty();
    assertThat(CompileReport.parse("Killed").failures())
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("unreadable compile report"));
  }
}
