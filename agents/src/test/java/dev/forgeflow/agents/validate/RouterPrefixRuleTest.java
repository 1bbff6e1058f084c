package dev.forgeflow.agents.validate;

import static dev.forgeflow.agents.validate.SampleProject.filesWith;
import static dev.forgeflow.agents.validate.SampleProject.issuesOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class RouterPrefixRuleTest {

  private static final String HEADER = "from fastapi import APIRouter\n\n";

  private static List<ReviewIssue> issuesOfAuthors(String source) {
    return issuesOf(filesWith("app/routers/authors.py", source));
  }

  @Test
  void aRouterWithoutPrefixIsMajorOnItsLine() {
    List<ReviewIssue> issues = issuesOfAuthors(HEADER + "router = APIRouter(tags=[\"authors\"])\n");

    assertThat(issues)
        .extracting(ReviewIssue::severity, ReviewIssue::file, ReviewIssue::line, ReviewIssue::rule)
        .containsExactly(tuple(Severity.MAJOR, "app/routers/authors.py", 3, "router.prefix"));
    assertThat(issues.get(0).message()).startsWith("APIRouter has no prefix");
  }

  @Test
  void twoRoutersMustNotShareAPrefix() {
    List<ReviewIssue> issues =
        issuesOf(
            filesWith("app/routers/shelves.py", HEADER + "router = APIRouter(prefix='/books')\n"));

    assertThat(issues)
        .extracting(ReviewIssue::file, ReviewIssue::line)
        .containsExactly(tuple("app/routers/shelves.py", 3));
    assertThat(issues.get(0).message())
        .isEqualTo("prefix '/books' is already used by the router at app/routers/books.py:7");
  }

  @Test
  void aModuleDeclaresExactlyOneRouter() {
    String source =
        HEADER
            + "router = APIRouter(prefix=\"/authors\")\n\nadmin = APIRouter(prefix=\"/admin\")\n";

    List<ReviewIssue> issues = issuesOfAuthors(source);

    assertThat(issues).extracting(ReviewIssue::line).containsExactly(5);
    assertThat(issues.get(0).message()).contains("declares 2 APIRouters");
  }

  @Test
  void aModuleOfTheRoutersPackageWithoutRouterIsFlagged() {
    List<ReviewIssue> issues = issuesOfAuthors("def helper():\n    return 1\n");

    assertThat(issues)
        .extracting(ReviewIssue::file, ReviewIssue::line)
        .containsExactly(tuple("app/routers/authors.py", 0));
    assertThat(issues.get(0).message()).isEqualTo("router module declares no APIRouter");
  }

  @Test
  void prefixesFastApiRefusesAreFlagged() {
    assertThat(issuesOfAuthors(HEADER + "router = APIRouter(prefix=\"authors\")\n"))
        .extracting(ReviewIssue::message)
        .containsExactly("prefix 'authors' must start with '/' (FastAPI refuses it at start-up)");
    assertThat(issuesOfAuthors(HEADER + "router = APIRouter(prefix=\"/authors/\")\n"))
        .extracting(ReviewIssue::message)
        .containsExactly(
            "prefix '/authors/' must not end with '/' (FastAPI refuses it at start-up)");
    assertThat(issuesOfAuthors(HEADER + "router = APIRouter(prefix=\"\")\n"))
        .extracting(ReviewIssue::message)
        .singleElement()
        .asString()
        .startsWith("APIRouter has an empty prefix");
  }

  @Test
  void aPrefixPassedTwiceIsFlagged() {
    String source = HEADER + "router = APIRouter(\n    prefix=\"/a\",\n    prefix=\"/b\",\n)\n";

    assertThat(issuesOfAuthors(source))
        .extracting(ReviewIssue::line, ReviewIssue::message)
        .containsExactly(tuple(3, "APIRouter passes prefix 2 times; pass it once"));
  }

  @Test
  void aPrefixFromAVariableIsAcceptedAsDeclared() {
    assertThat(
            issuesOfAuthors(HEADER + "PREFIX = \"/authors\"\nrouter = APIRouter(prefix=PREFIX)\n"))
        .isEmpty();
  }

  @Test
  void routersMentionedInCommentsOrStringsDoNotCount() {
    String main =
        SampleProject.MAIN + "# router = APIRouter(prefix=\"/books\")\nNOTE = 'APIRouter()'\n";

    assertThat(issuesOf(filesWith("app/main.py", main))).isEmpty();
  }

  @Test
  void aRouterOutsideTheRoutersPackageIsCheckedToo() {
    assertThat(issuesOf(filesWith("app/admin.py", HEADER + "router = APIRouter()\n")))
        .extracting(ReviewIssue::file, ReviewIssue::rule)
        .containsExactly(tuple("app/admin.py", "router.prefix"));
  }
}
