package dev.forgeflow.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A run's artifacts as its journal announced them: the charter, each architecture, each review
 * report with its round, and each test report with its round. Test reports live in the journal
 * only, so they have no artifact id; their {@code seq} finds them in the run's events. Blocking:
 * reads the journal a page at a time.
 */
final class ArtifactIndex {

  static final String CHARTER = "charter";
  static final String ARCHITECTURE = "architecture";
  static final String REVIEW = "review";
  static final String TEST = "test";

  private static final Logger log = LoggerFactory.getLogger(ArtifactIndex.class);
  private static final int PAGE = 500;

  private final RunJournal journal;

  ArtifactIndex(RunJournal journal) {
    this.journal = journal;
  }

  /**
   * One artifact of a run.
   *
   * @param id the stored artifact, absent for a test report
   * @param round the review round it belongs to, absent for a charter or an architecture
   * @param createdAt when the journal announced it
   * @param seq the journal event that announced it
   * @param url where its JSON is, absent for a test report
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Listed(
      String id, String kind, Integer round, OffsetDateTime createdAt, long seq, String url) {}

  /** The run's artifacts in the order they were announced. */
  List<Listed> of(String runId) {
    List<Listed> listed = new ArrayList<>();
    long after = 0;
    while (true) {
      List<JournalEvent> page = journal.readAfter(runId, after, PAGE);
      page.forEach(event -> listed(event).ifPresent(listed::add));
      if (page.size() < PAGE) {
        return listed;
      }
      after = page.get(page.size() - 1).seq();
    }
  }

  private static Optional<Listed> listed(JournalEvent event) {
    try {
      return switch (event.type()) {
        case Fact.ArtifactCharter.TYPE ->
            stored(event, CHARTER, read(event, Fact.ArtifactCharter.class).artifactId(), null);
        case Fact.ArtifactArchitecture.TYPE ->
            stored(
                event,
                ARCHITECTURE,
                read(event, Fact.ArtifactArchitecture.class).artifactId(),
                null);
        case Fact.ReviewReport.TYPE -> {
          Fact.ReviewReport report = read(event, Fact.ReviewReport.class);
          yield stored(event, REVIEW, report.artifactId(), report.round());
        }
        case Fact.TestReport.TYPE ->
            Optional.of(
                new Listed(
                    null,
                    TEST,
                    read(event, Fact.TestReport.class).round(),
                    event.createdAt(),
                    event.seq(),
                    null));
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException unreadable) {
      log.warn("Event {} of run {} is unreadable", event.seq(), event.runId(), unreadable);
      return Optional.empty();
    }
  }

  private static Optional<Listed> stored(
      JournalEvent event, String kind, String artifactId, Integer round) {
    if (artifactId == null) {
      return Optional.empty();
    }
    String url = "/api/runs/" + event.runId() + "/artifacts/" + artifactId;
    return Optional.of(new Listed(artifactId, kind, round, event.createdAt(), event.seq(), url));
  }

  private static <F extends Fact> F read(JournalEvent event, Class<F> record) {
    return Facts.read(record, event.payloadJson());
  }
}
