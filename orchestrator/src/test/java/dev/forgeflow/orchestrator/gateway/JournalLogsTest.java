package dev.forgeflow.orchestrator.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.orchestrator.deploy.LogJournaling;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.DeploymentRecord;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalEntry;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Following a service's log from the journal, as a gateway without a Docker daemon does: the
 * current deployment's last lines, then what the runner journals, until the deployment goes.
 */
class JournalLogsTest {
  private Stores stores;
  private JournalLogs logs;
  private String runId;
  private String project;
  private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
  private final CountDownLatch ended = new CountDownLatch(1);

  @BeforeEach
  void setUp() {
    stores = InMemoryStores.create();
    logs =
        new JournalLogs(
            stores.journal(), stores.deployments(), Duration.ofMillis(50), Duration.ofMillis(100));
    runId = stores.runs().create(new NewRun("a notes service", null));
    project = ProjectImages.project(runId);
  }

  @Test
  void theTailIsTheCurrentDeploymentsLastLinesThenNewBatchesFollowUntilItIsStopped()
      throws Exception {
    log("container-1", "old 1", "old 2");
    deployed("container-2");
    stores.journal().append(runId, "deploy.ready", "{\"project\":\"notes\"}", 1);
    log("container-2", "up 1", "up 2");
    log("container-2", "up 3", "up 4");

    try (AutoCloseable follow = follow(3)) {
      assertThat(next(3)).containsExactly("up 2", "up 3", "up 4");

      log("container-1", "from the old container");
      log("container-2", "GET /notes 200");
      assertThat(next(1)).containsExactly("GET /notes 200");

      stores.deployments().remove(project);
      assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(received).isEmpty();
    }
  }

  @Test
  void withoutFollowingOnlyTheTailIsSentThenItEnds() throws Exception {
    deployed("container-1");
    log("container-1", "one", "two", "three");

    try (AutoCloseable tailOnly =
        logs.follow(runId, project, "runner-b", 2, false, received::add, ended::countDown)) {
      assertThat(ended.getCount()).as("ended once the tail is sent").isZero();
      List<String> tail = new ArrayList<>();
      received.drainTo(tail);
      assertThat(tail).containsExactly("two", "three");
      log("container-1", "four");
      assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void aTailOfNoLinesShowsOnlyWhatComesNext() throws Exception {
    deployed("container-1");
    log("container-1", "before");
    try (AutoCloseable follow = follow(0)) {
      log("container-1", "after");
      assertThat(next(1)).containsExactly("after");
    }
  }

  @Test
  void droppedLinesAndTheJournalsLimitAreSaidAndTheLimitEndsTheFollowing() throws Exception {
    deployed("container-1");
    append(new Fact.DeployLog(project, List.of("a"), 12, null, "container-1"));
    try (AutoCloseable follow = follow(10)) {
      assertThat(next(2))
          .containsExactly("[forgeflow] 12 lines dropped: the service logged too fast", "a");
      append(new Fact.DeployLog(project, List.of(), null, "more than 5000", "container-1"));
      assertThat(next(1))
          .containsExactly(
              String.format(JournalLogs.TRUNCATED, LogJournaling.MAX_LINES, "runner-b"));
      assertThat(ended.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void closingStopsFollowingWithoutSayingItEnded() throws Exception {
    deployed("container-1");
    AutoCloseable follow = follow(5);
    follow.close();
    log("container-1", "after close");
    assertThat(received.poll(300, TimeUnit.MILLISECONDS)).isNull();
    assertThat(ended.getCount()).isEqualTo(1);
  }

  @Test
  void aRunWithoutADeploymentHasNoLogToFollow() {
    assertThatThrownBy(() -> follow(5))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("has no service");
  }

  private AutoCloseable follow(int tail) {
    return logs.follow(runId, project, "runner-b", tail, true, received::add, ended::countDown);
  }

  private List<String> next(int count) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String line = received.poll(5, TimeUnit.SECONDS);
      assertThat(line).as("line %d of %d", i + 1, count).isNotNull();
      lines.add(line);
    }
    return lines;
  }

  private void deployed(String container) {
    stores
        .deployments()
        .save(
            new DeploymentRecord(
                project,
                runId,
                container,
                "forgeflow/" + project + ":1",
                40123,
                "http://127.0.0.1:40123",
                "healthy",
                OffsetDateTime.now().plusHours(1)));
  }

  private void log(String container, String... lines) {
    append(new Fact.DeployLog(project, List.of(lines), null, null, container));
  }

  private void append(Fact.DeployLog batch) {
    JournalEntry entry = JournalEntry.unkeyed(batch);
    stores
        .journal()
        .append(runId, entry.type(), entry.payloadJson(), entry.attempt(), entry.factKey());
  }
}
