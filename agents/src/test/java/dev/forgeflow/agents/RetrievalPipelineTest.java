package dev.forgeflow.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.accounts.NewUser;
import dev.forgeflow.store.projects.NewDocument;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import dev.forgeflow.workflows.pipeline.Outcome;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.PipelineResult;
import io.temporal.client.WorkflowFailedException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retrieval changes what gets built: the real workflow and agents with the embedded store, the
 * bundled embeddings and the knowledge base, offline and against a fake model over HTTP.
 */
class RetrievalPipelineTest {

  static final String PROMPT = "Build the API described in the attached spec.";
  static final String SPEC =
      """
      # Clinic scheduling

      The clinic wants a small service to keep track of who comes in and when.

      ## Resources

      - patients: name, email, born: date
      - appointments: patient_id, starts_at: datetime, notes, confirmed: bool

      Appointments always belong to a patient.
      """;

  private static String project(PipelineHarness harness, String specOrNull) {
    String owner =
        harness
            .stores
            .accounts()
            .createUser(
                new NewUser("u-" + UUID.randomUUID().toString().substring(0, 8), null, null))
            .id();
    String project = harness.stores.projects().create(owner, "clinic").id();
    if (specOrNull != null) {
      String documentId = "doc-" + UUID.randomUUID();
      int chunks =
          harness.retrieval.indexDocument(project, documentId, "spec.md", List.of(specOrNull));
      harness
          .stores
          .documents()
          .add(
              documentId,
              new NewDocument(
                  project,
                  "spec.md",
                  "text/markdown",
                  specOrNull.length(),
                  "sha",
                  List.of(specOrNull),
                  chunks));
    }
    return project;
  }

  private static String runIn(PipelineHarness harness, String project) {
    return harness.stores.runs().create(new NewRun(PROMPT, "{}", null, project));
  }

  @Test
  void offlineTheAttachedSpecIsWhatGetsBuiltAndEveryAgentRetrievesFirst() {
    try (PipelineHarness harness = new PipelineHarness(Optional.empty())) {
      String runId = runIn(harness, project(harness, SPEC));

      PipelineResult result = harness.run(runId, PROMPT, PipelineOptions.defaults());

      assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
      ProjectCharter charter =
          dev.forgeflow.agents.support.Json.read(
              harness.stores.artifacts().latest(runId, "charter").orElseThrow().json(),
              ProjectCharter.class);
      assertThat(charter.entities())
          .extracting(
              e ->
                  e.plural()
                      + ":"
                      + e.fields().stream().map(f -> f.name() + " " + f.type()).toList())
          .containsExactly(
              "patients:[name str, email str, born date]",
              "appointments:[patient_id int, starts_at datetime, notes str, confirmed bool]");
      assertThat(harness.stores.bundles().files(result.bundleId()))
          .containsKeys("app/routers/patients.py", "app/routers/appointments.py");

      List<Fact.RetrievalDone> retrieved = retrievals(harness, runId);
      assertThat(retrieved)
          .extracting(Fact.RetrievalDone::agent)
          .containsExactly("requirements", "architecture", "implementer", "reviewer");
      // the document's passages and the charter guide's, best match first
      List<Fact.RetrievalHit> requirementsHits = retrieved.get(0).hits();
      assertThat(requirementsHits)
          .extracting(Fact.RetrievalHit::score)
          .isSortedAccordingTo(java.util.Comparator.reverseOrder());
      assertThat(requirementsHits)
          .filteredOn(h -> h.source().equals("document"))
          .isNotEmpty()
          .allSatisfy(
              hit -> {
                assertThat(hit.label()).isEqualTo("spec.md");
                assertThat(hit.score()).isBetween(0.0, 1.0);
              });
      assertThat(requirementsHits)
          .filteredOn(h -> !h.source().equals("document"))
          .hasSize(3)
          .allSatisfy(
              hit -> {
                assertThat(hit.source()).isEqualTo("knowledge");
                assertThat(hit.label())
                    .startsWith("Writing a project charter from a service description — ");
              })
          .extracting(Fact.RetrievalHit::label)
          .doesNotHaveDuplicates();
      assertThat(retrieved.get(1).hits())
          .isNotEmpty()
          .allMatch(h -> h.source().equals("knowledge"));
      assertThat(retrieved.get(3).hits())
          .as("one passage per knowledge section")
          .extracting(Fact.RetrievalHit::label)
          .doesNotHaveDuplicates();
      assertThat(retrieved.get(3).hits())
          .isNotEmpty()
          .allSatisfy(
              hit ->
                  assertThat(hit.label())
                      .containsAnyOf("Security", "security", "Hardening", "hardening"));
      assertThat(harness.types(runId)).contains("retrieval.indexed");
    }
  }

  @Test
  void offlineTheSamePromptWithoutDocumentsIsRefusedClearly() {
    try (PipelineHarness harness = new PipelineHarness(Optional.empty())) {
      String runId = runIn(harness, project(harness, null));

      assertThatThrownBy(() -> harness.run(runId, PROMPT, PipelineOptions.defaults()))
          .isInstanceOf(WorkflowFailedException.class)
          .rootCause()
          .isInstanceOfSatisfying(
              ApplicationFailure.class,
              failure -> {
                assertThat(failure.getType()).isEqualTo("PromptNotUnderstood");
                assertThat(failure.getOriginalMessage())
                    .contains("no resource with fields")
                    .contains("Name resources with their fields");
              });
      // no document to read: only the charter guide's passages, which the offline planner ignores
      assertThat(retrievals(harness, runId))
          .singleElement()
          .satisfies(
              done ->
                  assertThat(done.hits())
                      .isNotEmpty()
                      .allMatch(hit -> hit.source().equals("knowledge")));
    }
  }

  @Test
  void withAModelTheRetrievedPassagesAreInTheAgentsPrompts() {
    try (FakeLlmServer server = FakeLlmServer.start(new FakeModel());
        PipelineHarness harness = new PipelineHarness(PipelineHarness.modelAt(server.baseUrl()))) {
      String runId = runIn(harness, project(harness, SPEC));

      harness.run(runId, PROMPT, PipelineOptions.defaults());

      assertThat(server.requests())
          .filteredOn(r -> "ProjectCharter".equals(r.schemaName()))
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.body())
                      .contains("patients: name, email, born: date")
                      .contains("Writing a project charter from a service description — "));
      assertThat(server.requests())
          .filteredOn(r -> "ReviewReport".equals(r.schemaName()))
          .first()
          .satisfies(r -> assertThat(r.body()).contains("security checklist"));
    }
  }

  @Test
  void withAModelAndNoDocumentsTheChartersGuideIsInThePromptAndTheDescriptionIsBuilt() {
    String prompt = "A bookstore API with books (title, author, price: float)";
    try (FakeLlmServer server = FakeLlmServer.start(new FakeModel());
        PipelineHarness harness = new PipelineHarness(PipelineHarness.modelAt(server.baseUrl()))) {
      String runId =
          harness.stores.runs().create(new NewRun(prompt, "{}", null, project(harness, null)));

      PipelineResult result = harness.run(runId, prompt, PipelineOptions.defaults());

      assertThat(result.outcome()).isEqualTo(Outcome.APPROVED);
      ProjectCharter charter =
          dev.forgeflow.agents.support.Json.read(
              harness.stores.artifacts().latest(runId, "charter").orElseThrow().json(),
              ProjectCharter.class);
      assertThat(charter.entities()).extracting(e -> e.plural()).containsExactly("books");
      assertThat(server.requests())
          .filteredOn(r -> "ProjectCharter".equals(r.schemaName()))
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r.body())
                      .contains(
                          "attached spec\\\" means these; empty if none):\\n(nothing retrieved)")
                      .contains("Writing a project charter from a service description — "));
    }
  }

  private static List<Fact.RetrievalDone> retrievals(PipelineHarness harness, String runId) {
    return harness.events(runId).stream()
        .filter(e -> e.type().equals(Fact.RetrievalDone.TYPE))
        .map(JournalEvent::payloadJson)
        .map(json -> Facts.read(Fact.RetrievalDone.class, json))
        .toList();
  }
}
