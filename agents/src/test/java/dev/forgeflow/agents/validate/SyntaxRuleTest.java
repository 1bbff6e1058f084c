package dev.forgeflow.agents.validate;

import static dev.forgeflow.agents.validate.SampleProject.filesWith;
import static dev.forgeflow.agents.validate.SampleProject.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntaxRuleTest {

  private static List<ReviewIssue> issuesOfUtil(String source) {
    return issuesOf(filesWith("app/util.py", source));
  }

  private static void assertSingle(String source, int line, String message) {
    assertThat(issuesOfUtil(source))
        .extracting(
            ReviewIssue::severity,
            ReviewIssue::file,
            ReviewIssue::line,
            ReviewIssue::rule,
            ReviewIssue::message)
        .containsExactly(tuple(Severity.MAJOR, "app/util.py", line, "python.syntax", message));
  }

  @Test
  void aMismatchedBracketIsReportedWhereItCloses() {
    assertSingle("x = 1\ny = foo(1, [2, 3)\n", 2, "')' does not match '[' opened on line 2");
  }

  @Test
  void anUnmatchedClosingBracketIsReported() {
    assertSingle("x = 1)\n", 1, "unmatched ')'");
  }

  @Test
  void anUnclosedBracketIsReportedWhereItOpens() {
    assertSingle("def f():\n    return [\n        1,\n", 2, "'[' is never closed");
  }

  @Test
  void bracketsInStringsAndCommentsAreIgnored() {
    assertThat(issuesOfUtil("x = \"(\"  # )]\ny = '''\n{ [\n'''\nz = f\"{x}) \\\" (\"\n"))
        .isEmpty();
  }

  @Test
  void indentationMixingTabsAndSpacesAmbiguouslyIsReported() {
    assertSingle(
        "def f(x):\n\tif x:\n\t\treturn 1\n        return 0\n",
        4,
        "inconsistent use of tabs and spaces in indentation");
  }

  @Test
  void consistentTabIndentationIsFine() {
    assertThat(issuesOfUtil("def f(x):\n\tif x:\n\t\treturn 1\n\treturn 0\n")).isEmpty();
  }

  @Test
  void continuationLinesAndDocstringsMayBeIndentedFreely() {
    String source =
        "def f(x):\n"
            + "    \"\"\"Docs.\n"
            + "\t  indented oddly\n"
            + "    \"\"\"\n"
            + "    total = (x +\n"
            + "\t\t x)\n"
            + "    return total\n";

    assertThat(issuesOfUtil(source)).isEmpty();
  }

  @Test
  void aDedentToNoOuterLevelIsReported() {
    assertSingle(
        "def f():\n    x = 1\n  return x\n",
        3,
        "unindent does not match any outer indentation level");
  }

  @Test
  void unterminatedStringsAreReported() {
    assertSingle("name = \"abc\n", 1, "unterminated string literal");
    assertSingle("x = 1\n\"\"\"never closed\ny = 2\n", 2, "unterminated string literal");
  }

  @Test
  void aBackslashContinuesAStringOntoTheNextLine() {
    assertThat(issuesOfUtil("name = \"abc\\\ndef\"\n")).isEmpty();
  }

  @Test
  void onlyPythonFilesAreChecked() {
    assertThat(issuesOf(filesWith("README.md", "Run it (with uvicorn\n"))).isEmpty();
  }
}
