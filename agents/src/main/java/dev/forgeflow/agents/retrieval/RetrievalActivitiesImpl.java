package dev.forgeflow.agents.retrieval;

import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.store.BundleVersion;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.projects.ProjectDocument;
import dev.forgeflow.workflows.artifacts.Field;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.retrieval.CodeIndexInput;
import dev.forgeflow.workflows.retrieval.RetrievalActivities;
import dev.forgeflow.workflows.retrieval.RetrievalAgent;
import dev.forgeflow.workflows.retrieval.RetrievalInput;
import dev.forgeflow.workflows.retrieval.RetrievalResult;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Retrieves for each agent and indexes each code version. Requirements reads the project's
 * documents (indexing any the store lost, from their text in PostgreSQL) and the knowledge base's
 * guide to writing a charter; Architecture and the Implementer read the knowledge base's patterns
 * for the charter; the Reviewer reads its security checklist. A store that cannot be reached is
 * journalled and fails the activity retryably.
 */
public final class RetrievalActivitiesImpl implements RetrievalActivities {

  /** The failure type of a vector store that cannot be reached; retryable. */
  public static final String UNAVAILABLE = "VectorStoreUnavailable";

  static final int DOCUMENT_PASSAGES = 8;
  static final int KNOWLEDGE_PASSAGES = 5;
  static final int GUIDE_PASSAGES = 3;
  private static final int QUERY_CHARS = 2_000;

  private final Retrieval retrieval;
  private final Stores stores;
  private final ActivityJournal journal;

  public RetrievalActivitiesImpl(Retrieval retrieval, Stores stores, ActivityJournal journal) {
    this.retrieval = retrieval;
    this.stores = stores;
    this.journal = journal;
  }

  @Override
  public RetrievalResult retrieve(RetrievalInput input) {
    RetrievalAgent agent = input.agent();
    RetrievedContext context = unlessUnavailable(input.runId(), agent.key(), () -> search(input));
    String id = stores.artifacts().save(input.runId(), agent.artifactKind(), Json.write(context));
    journal.append(
        input.runId(),
        new Fact.RetrievalDone(
            agent.key(),
            shorten(context.query(), 200),
            context.passages().stream()
                .map(p -> new Fact.RetrievalHit(p.source(), p.label(), p.location(), p.score()))
                .toList()));
    return new RetrievalResult(id, context.passages().size());
  }

  @Override
  public int indexCode(CodeIndexInput input) {
    BundleVersion bundle = stores.bundles().find(input.bundleId());
    String projectId = projectOf(input.runId());
    int chunks =
        unlessUnavailable(
            input.runId(),
            "code",
            () ->
                retrieval.indexCode(
                    projectId,
                    input.runId(),
                    bundle.id(),
                    bundle.version(),
                    stores.bundles().files(bundle.id()),
                    sha -> new String(stores.bundles().blob(sha), StandardCharsets.UTF_8)));
    journal.append(input.runId(), new Fact.RetrievalIndexed(bundle.id(), bundle.version(), chunks));
    return chunks;
  }

  private RetrievedContext search(RetrievalInput input) {
    RetrievalAgent agent = input.agent();
    return switch (agent) {
      case REQUIREMENTS -> {
        RetrievedContext documents = documents(input);
        List<Passage> guide =
            retrieval.knowledge(documents.query(), List.of("requirements"), GUIDE_PASSAGES).stream()
                .map(Passage::ofKnowledge)
                .toList();
        List<Passage> passages = new java.util.ArrayList<>(documents.passages());
        passages.addAll(guide);
        // best match first, whichever it came from (the scores of both are cosine-based)
        passages.sort(java.util.Comparator.comparingDouble(Passage::score).reversed());
        yield new RetrievedContext(agent.key(), documents.query(), passages);
      }
      case ARCHITECTURE -> {
        String query = charterQuery(charter(input));
        yield knowledge(agent, query, List.of("pattern"));
      }
      case IMPLEMENTER -> {
        String query = charterQuery(charter(input)) + "\nFiles: " + files(input);
        yield knowledge(agent, query, List.of("pattern", "testing"));
      }
      case REVIEWER -> {
        ProjectCharter charter = charter(input);
        String query =
            "Security review of a FastAPI service: input validation, injection, access control,"
                + (charter.authRequired() ? " authentication and passwords," : "")
                + " error handling and secrets. "
                + charterQuery(charter);
        yield knowledge(agent, query, List.of("security"));
      }
    };
  }

  /** The project's documents that best match the prompt; none if it has no documents. */
  private RetrievedContext documents(RetrievalInput input) {
    String query = shorten(input.prompt(), QUERY_CHARS);
    String projectId = projectOf(input.runId());
    if (projectId.isEmpty()) {
      return new RetrievedContext(RetrievalAgent.REQUIREMENTS.key(), query, List.of());
    }
    List<ProjectDocument> documents = stores.documents().list(projectId);
    if (documents.isEmpty()) {
      return new RetrievedContext(RetrievalAgent.REQUIREMENTS.key(), query, List.of());
    }
    for (ProjectDocument document : documents) {
      if (!retrieval.documentIndexed(projectId, document.id())) {
        retrieval.indexDocument(
            projectId, document.id(), document.name(), stores.documents().pages(document.id()));
      }
    }
    List<Passage> passages =
        retrieval.documents(projectId, query, DOCUMENT_PASSAGES).stream()
            .map(Passage::ofDocument)
            .toList();
    return new RetrievedContext(RetrievalAgent.REQUIREMENTS.key(), query, passages);
  }

  private RetrievedContext knowledge(RetrievalAgent agent, String query, List<String> kinds) {
    String shortened = shorten(query, QUERY_CHARS);
    List<Passage> passages =
        retrieval.knowledge(shortened, kinds, KNOWLEDGE_PASSAGES).stream()
            .map(Passage::ofKnowledge)
            .toList();
    return new RetrievedContext(agent.key(), shortened, passages);
  }

  private <T> T unlessUnavailable(String runId, String agent, Supplier<T> work) {
    try {
      return work.get();
    } catch (VectorStoreUnavailableException e) {
      String message = e.getMessage() + "; retrying";
      journal.append(runId, new Fact.RetrievalUnavailable(agent, message));
      throw ApplicationFailure.newFailureWithCause(message, UNAVAILABLE, e);
    }
  }

  /** The run's project id; empty for a run that belongs to no project. */
  private String projectOf(String runId) {
    RunRecord run =
        stores.runs().find(runId).orElseThrow(() -> new NoSuchElementException("No run " + runId));
    return run.projectId() == null ? "" : run.projectId();
  }

  private ProjectCharter charter(RetrievalInput input) {
    return Json.read(stores.artifacts().load(input.charterId()).json(), ProjectCharter.class);
  }

  private String files(RetrievalInput input) {
    if (input.architectureId() == null) {
      return "";
    }
    SystemArchitecture architecture =
        Json.read(stores.artifacts().load(input.architectureId()).json(), SystemArchitecture.class);
    return architecture.filePlan().stream()
        .map(PlannedFile::path)
        .collect(Collectors.joining(", "));
  }

  /** The charter in a few words: what the service is and what its resources hold. */
  static String charterQuery(ProjectCharter charter) {
    String entities =
        charter.entities().stream()
            .map(
                e ->
                    e.plural()
                        + " ("
                        + e.fields().stream()
                            .map(f -> f.name() + ": " + f.type() + reference(f))
                            .collect(Collectors.joining(", "))
                        + ")")
            .collect(Collectors.joining("; "));
    String rules = String.join("; ", charter.businessRules());
    return "FastAPI SQLModel service "
        + charter.name()
        + " with resources "
        + entities
        + (charter.authRequired() ? "; users sign in and own their rows" : "")
        + (rules.isEmpty() ? "" : "; rules: " + rules);
  }

  private static String reference(Field field) {
    return field.references() == null ? "" : " -> " + field.references();
  }

  private static String shorten(String text, int max) {
    String t = text == null ? "" : text.strip();
    return t.length() <= max ? t : t.substring(0, max);
  }
}
