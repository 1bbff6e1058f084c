package dev.forgeflow.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.forgeflow.workflows.artifacts.Column;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.artifacts.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OfflinePlannerTest {
  private final OfflinePlanner planner = new OfflinePlanner();
  private final ProjectCharter bookstore = planner.charter(SamplePrompts.BOOKSTORE);

  @Test
  void announcesItselfAsNoModel() {
    assertThat(OfflinePlanner.ANNOUNCEMENT).isEqualTo("offline planner — no model configured");
    assertThat(planner.architecture(bookstore, null).designMarkdown())
        .contains(OfflinePlanner.ANNOUNCEMENT);
  }

  @Test
  void charterHasTheCrudEndpointsAndRulesOfEveryResource() {
    assertThat(bookstore.name()).isEqualTo("bookstore-api");
    assertThat(bookstore.description()).isEqualTo(SamplePrompts.BOOKSTORE);
    assertThat(bookstore.authRequired()).isFalse();
    assertThat(bookstore.endpoints())
        .extracting(e -> e.method() + " " + e.path())
        .containsExactly(
            "POST /books",
            "GET /books",
            "GET /books/{book_id}",
            "PATCH /books/{book_id}",
            "DELETE /books/{book_id}",
            "POST /reviews",
            "GET /reviews",
            "GET /reviews/{review_id}",
            "PATCH /reviews/{review_id}",
            "DELETE /reviews/{review_id}",
            "GET /health");
    assertThat(bookstore.businessRules())
        .anyMatch(r -> r.contains("book_id of a review must refer to an existing book"));
  }

  @Test
  void dataModelHasPrimaryKeysAndForeignKeyReferences() {
    List<Table> tables = planner.architecture(bookstore, null).dataModel();

    assertThat(tables)
        .extracting(Table::name, Table::primaryKey)
        .containsExactly(tuple("books", "id"), tuple("reviews", "id"));
    assertThat(tables.get(1).columns())
        .containsExactly(
            new Column("id", "INTEGER", false, null),
            new Column("book_id", "INTEGER", false, "books.id"),
            new Column("rating", "INTEGER", false, null),
            new Column("comment", "VARCHAR", false, null));
  }

  @Test
  void designHasAnErDiagramComponentsAndEndpointTable() {
    SystemArchitecture architecture = planner.architecture(bookstore, null);

    assertThat(architecture.mermaid())
        .startsWith("erDiagram")
        .contains("    books {\n        int id PK\n        string title\n")
        .contains("int book_id FK")
        .endsWith("books ||--o{ reviews : \"book_id\"");
    assertThat(architecture.components())
        .extracting(c -> c.name())
        .containsExactly(
            "app.main",
            "app.database",
            "app.models",
            "app.routers.books",
            "app.routers.reviews",
            "tests");
    assertThat(architecture.endpoints()).isEqualTo(bookstore.endpoints());
    assertThat(architecture.designMarkdown())
        .contains("```mermaid\n" + architecture.mermaid() + "\n```")
        .contains("| DELETE | `/books/{book_id}` |")
        .contains("| `id` (primary key) | INTEGER | no |  |")
        .contains("| `book_id` | INTEGER | no | `books.id` |")
        .doesNotContain("Feedback applied");
  }

  @Test
  void feedbackDeclaringResourcesChangesTheDesignAndIsRecorded() {
    SystemArchitecture architecture =
        planner.architecture(bookstore, "Please add tags (name, book_id) and drop reviews.");

    assertThat(architecture.dataModel()).extracting(Table::name).containsExactly("books", "tags");
    assertThat(architecture.filePlan())
        .extracting(PlannedFile::path)
        .contains("app/routers/tags.py")
        .doesNotContain("app/routers/reviews.py");
    assertThat(architecture.designMarkdown())
        .contains("## Feedback applied\n\n> Please add tags (name, book_id) and drop reviews.")
        .contains("- Added tags (name, book_id)")
        .contains("- Removed reviews");
    PlannedFile tags =
        architecture.filePlan().stream()
            .filter(f -> f.path().equals("app/routers/tags.py"))
            .findFirst()
            .orElseThrow();
    assertThat(planner.render(tags, bookstore, architecture))
        .contains("session.get(Book, book_id)");
  }

  @Test
  void feedbackItCannotReadIsRecordedAndChangesNothing() {
    SystemArchitecture plain = planner.architecture(bookstore, null);
    SystemArchitecture withFeedback = planner.architecture(bookstore, "Make it faster");

    assertThat(withFeedback.dataModel()).isEqualTo(plain.dataModel());
    assertThat(withFeedback.filePlan()).isEqualTo(plain.filePlan());
    assertThat(withFeedback.designMarkdown())
        .contains("## Feedback applied\n\n> Make it faster")
        .contains("No resource change could be read from it");
  }

  @Test
  void samePromptAndFeedbackGiveIdenticalArtifactsAndFiles() {
    OfflinePlanner other = new OfflinePlanner();
    for (String prompt : SamplePrompts.all()) {
      ProjectCharter charter = planner.charter(prompt);
      assertThat(other.charter(prompt)).isEqualTo(charter);
      SystemArchitecture architecture = planner.architecture(charter, "drop nothing");
      assertThat(other.architecture(charter, "drop nothing")).isEqualTo(architecture);
      assertThat(GeneratedProject.render(other, charter, architecture))
          .isEqualTo(render(charter, architecture));
    }
  }

  @Test
  void charterRefusesAPromptItCannotRead() {
    assertThatThrownBy(() -> planner.charter("make me something cool"))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("FORGEFLOW_LLM_BASE_URL");
  }

  private static final String SPEC_PROMPT = "Build the API described in the attached spec";
  private static final String SPEC =
      """
      # Bookshelf

      A small service for keeping track of the books we own and who borrowed them.

      ## Resources

      ### Books
      - title: string
      - author: string
      - pages: integer

      ### Loans
      | Field | Type | Required |
      |---|---|---|
      | book_id | integer | yes |
      | borrower | string | yes |
      | returned_on | date | no |

      ## Out of scope
      Accounts and payments.
      """;

  @Test
  void charterBuildsTheServiceTheAttachedDocumentDescribes() {
    ProjectCharter charter = planner.charter(SPEC_PROMPT, List.of(SPEC));

    assertThat(SamplePrompts.describe(charter.entities()))
        .containsExactly(
            "Book books: title str, author str, pages int",
            "Loan loans: book_id int>Book, borrower str, returned_on date?");
    assertThat(charter.name()).isEqualTo("bookshelf");
    assertThat(charter.description()).isEqualTo(SPEC_PROMPT);
    assertThat(charter.endpoints())
        .extracting(e -> e.method() + " " + e.path())
        .contains("POST /books", "DELETE /loans/{loan_id}");
  }

  @Test
  void theSamePromptWithoutItsDocumentIsRefused() {
    assertThatThrownBy(() -> planner.charter(SPEC_PROMPT, List.of()))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("could not read the prompt: it names no resource with fields.")
        .hasMessageContaining("FORGEFLOW_LLM_BASE_URL");
    assertThatThrownBy(() -> planner.charter(SPEC_PROMPT))
        .hasMessageContaining("it names no resource with fields.");
  }

  @Test
  void documentsWithoutResourcesAreRefusedSayingWhatWasRead() {
    assertThatThrownBy(() -> planner.charter(SPEC_PROMPT, List.of("# Bookshelf\n\nSoon.")))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining(
            "it read the prompt and 1 attached document and found no resource with fields."
                + " It understood a service (bookshelf) but no resource with fields.");
    assertThatThrownBy(() -> planner.charter(SPEC_PROMPT, List.of("Soon.", "Later.")))
        .hasMessageContaining(
            "it read the prompt and 2 attached documents and found no resource with fields.");
  }

  @Test
  void thePromptNamesTheProjectAndDeclaresResourcesFirst() {
    ProjectCharter charter =
        planner.charter(
            "A library API with members (name, email) built as the attached spec says",
            List.of(SPEC, "- shelves: label, room: int"));

    assertThat(charter.name()).isEqualTo("library-api");
    assertThat(charter.entities())
        .extracting(e -> e.plural())
        .containsExactly("members", "books", "loans", "shelves");
  }

  @Test
  void aBlankPromptTakesItsDescriptionFromTheDocument() {
    ProjectCharter charter = planner.charter(" ", List.of(SPEC));

    assertThat(charter.name()).isEqualTo("bookshelf");
    assertThat(charter.description()).startsWith("# Bookshelf A small service");
  }

  @Test
  void charterOfAPromptAloneIsTheCharterWithNoDocuments() {
    for (String prompt : SamplePrompts.all()) {
      assertThat(planner.charter(prompt)).isEqualTo(planner.charter(prompt, List.of()));
    }
  }

  private Map<String, String> render(ProjectCharter charter, SystemArchitecture architecture) {
    return GeneratedProject.render(planner, charter, architecture);
  }
}
