package dev.forgeflow.agents;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.agents.retrieval.TestRetrieval;
import dev.forgeflow.agents.validate.RuntimeProfile;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.architecture.ArchitectureActivities;
import dev.forgeflow.workflows.architecture.ArchitectureInput;
import dev.forgeflow.workflows.architecture.ArchitectureResult;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.implementer.ImplementFileInput;
import dev.forgeflow.workflows.implementer.ImplementMode;
import dev.forgeflow.workflows.implementer.ImplementerActivities;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.journal.RunEnd;
import dev.forgeflow.workflows.journal.RunEvent;
import dev.forgeflow.workflows.journal.RunStatus;
import dev.forgeflow.workflows.requirements.CharterResult;
import dev.forgeflow.workflows.requirements.RequirementsActivities;
import dev.forgeflow.workflows.requirements.RequirementsInput;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * After a crash, Temporal runs the same activities again under the same activity ids. Each test
 * environment numbers its activities from 1, so running the same calls in a fresh one is that
 * retry: the real activity implementations, over the in-memory journal, journal each fact once.
 */
class RetriedActivitiesJournalOnceTest {
  private static final ActivityOptions OPTIONS =
      ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofMinutes(1)).build();

  private final Stores stores = InMemoryStores.create();
  private final List<Object> activities =
      Agents.activities(
          stores, Optional.empty(), RuntimeProfile.bundled(), TestRetrieval.embedded());

  @Test
  void activitiesRunAgainUnderTheirIdsJournalEachFactOnceWithNoGap() {
    String runId = stores.runs().create(new NewRun("books (title, author, price: float)", null));

    runTheActivities(runId);
    List<JournalEvent> first = stores.journal().readAfter(runId, 0, 1_000);
    runTheActivities(runId);
    List<JournalEvent> afterRetry = stores.journal().readAfter(runId, 0, 1_000);

    assertThat(afterRetry).isEqualTo(first);
    assertThat(afterRetry)
        .extracting(JournalEvent::seq)
        .containsExactlyElementsOf(LongStream.rangeClosed(1, first.size()).boxed().toList());
    assertThat(countByType(afterRetry))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Fact.StageStarted.TYPE, 1L,
                Fact.ArtifactCharter.TYPE, 1L,
                Fact.ArtifactArchitecture.TYPE, 1L,
                Fact.CodeFile.TYPE, 2L,
                Fact.RunCompleted.TYPE, 1L));
  }

  @Test
  void anotherActivityStatingTheSameKindOfFactIsANewEvent() {
    String runId = stores.runs().create(new NewRun("todo app: todos(title: str)", null));

    TestActivityEnvironment env = environment();
    try {
      RequirementsActivities requirements =
          env.newActivityStub(RequirementsActivities.class, OPTIONS);
      requirements.analyze(new RequirementsInput(runId, "todo app: todos(title: str)", null));
      requirements.analyze(new RequirementsInput(runId, "todo app: todos(title: str)", null));
    } finally {
      env.close();
    }

    assertThat(stores.journal().readAfter(runId, 0, 100))
        .extracting(JournalEvent::type)
        .containsExactly(Fact.ArtifactCharter.TYPE, Fact.ArtifactCharter.TYPE);
  }

  /** Analyze, design, two files, a workflow event and the run's end, each its own activity. */
  private void runTheActivities(String runId) {
    TestActivityEnvironment env = environment();
    try {
      JournalActivities journal = env.newActivityStub(JournalActivities.class, OPTIONS);
      journal.record(RunEvent.of(runId, new Fact.StageStarted("REQUIREMENTS", 0), "t-1", 1));
      CharterResult charter =
          env.newActivityStub(RequirementsActivities.class, OPTIONS)
              .analyze(new RequirementsInput(runId, "books (title, author, price: float)", null));
      ArchitectureResult architecture =
          env.newActivityStub(ArchitectureActivities.class, OPTIONS)
              .design(new ArchitectureInput(runId, charter.charterId(), null, null));
      ImplementerActivities implementer = env.newActivityStub(ImplementerActivities.class, OPTIONS);
      for (PlannedFile file : architecture.filePlan().subList(0, 2)) {
        implementer.implementFile(
            new ImplementFileInput(
                runId,
                charter.charterId(),
                architecture.architectureId(),
                file,
                ImplementMode.CREATE,
                null,
                List.of(),
                0,
                null));
      }
      journal.finish(
          RunEnd.of(
              runId,
              RunStatus.SUCCEEDED,
              new Fact.RunCompleted(
                  "APPROVED", "approved", 1, 2, 1, null, null, null, 0, 0, 0, 0.0, 10)));
    } finally {
      env.close();
    }
  }

  private TestActivityEnvironment environment() {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    env.registerActivitiesImplementations(activities.toArray());
    return env;
  }

  private static Map<String, Long> countByType(List<JournalEvent> events) {
    return events.stream()
        .collect(Collectors.groupingBy(JournalEvent::type, Collectors.counting()));
  }
}
