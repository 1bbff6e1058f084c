package dev.forgeflow.agents.validate;

import static dev.forgeflow.agents.validate.SampleProject.architecture;
import static dev.forgeflow.agents.validate.SampleProject.books;
import static dev.forgeflow.agents.validate.SampleProject.files;
import static dev.forgeflow.agents.validate.SampleProject.filesWith;
import static dev.forgeflow.agents.validate.SampleProject.issuesOf;
import static dev.forgeflow.agents.validate.SampleProject.reviews;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrimaryKeyRuleTest {

  private static final String HEADER =
      "from typing import Optional\n\nfrom sqlmodel import Field, SQLModel\n\n\n";

  private static List<ReviewIssue> issuesOfAuthors(String body) {
    return issuesOf(filesWith("app/authors.py", HEADER + body));
  }

  @Test
  void aTableClassWithoutPrimaryKeyIsABlockerOnItsLine() {
    List<ReviewIssue> issues =
        issuesOfAuthors("class Author(SQLModel, table=True):\n    name: str\n");

    assertThat(issues)
        .extracting(ReviewIssue::severity, ReviewIssue::file, ReviewIssue::line, ReviewIssue::rule)
        .containsExactly(tuple(Severity.BLOCKER, "app/authors.py", 6, "table.primary-key"));
    assertThat(issues.get(0).message())
        .isEqualTo("table class 'Author' has no field with primary_key=True");
  }

  @Test
  void theKeyOfTheNextClassDoesNotCount() {
    String body =
        "class Author(SQLModel, table=True):\n"
            + "    name: str  # primary_key=True would go here\n"
            + "\n\n"
            + "class Genre(SQLModel, table=True):\n"
            + "    id: int = Field(primary_key=True)\n";

    assertThat(issuesOfAuthors(body)).extracting(ReviewIssue::line).containsExactly(6);
  }

  @Test
  void aKeyInheritedFromAProjectClassCounts() {
    String body =
        "class Keyed(SQLModel):\n"
            + "    id: Optional[int] = Field(default=None, primary_key=True)\n"
            + "\n\n"
            + "class AuthorBase(Keyed):\n"
            + "    name: str\n"
            + "\n\n"
            + "class Author(AuthorBase, table=True):\n"
            + "    pass\n";

    assertThat(issuesOfAuthors(body)).isEmpty();
  }

  @Test
  void keysDeclaredThroughSqlAlchemyColumnsOrOnMultipleLinesCount() {
    String body =
        "class Author(SQLModel, table=True):\n"
            + "    id: Optional[int] = Field(\n"
            + "        default=None,\n"
            + "        sa_column=Column(Integer, primary_key=True),\n"
            + "    )\n";

    assertThat(issuesOfAuthors(body)).isEmpty();
  }

  @Test
  void classesWithoutTableTrueNeedNoKey() {
    assertThat(issuesOfAuthors("class AuthorCreate(SQLModel):\n    name: str\n")).isEmpty();
  }

  @Test
  void everyTableOfTheDataModelNamesItsKey() {
    List<ReviewIssue> issues =
        new BundleValidators()
            .validate(
                files(),
                SampleProject.architecture(
                    architecture().filePlan(), List.of(books(null), reviews(" "))),
                RuntimeProfile.bundled());

    assertThat(issues)
        .extracting(
            ReviewIssue::severity, ReviewIssue::file, ReviewIssue::line, ReviewIssue::message)
        .containsExactly(
            tuple(Severity.BLOCKER, null, 0, "data model table 'book' declares no primary key"),
            tuple(Severity.BLOCKER, null, 0, "data model table 'review' declares no primary key"));
  }
}
