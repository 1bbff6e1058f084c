package dev.forgeflow.orchestrator.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.DeploymentRecord;
import dev.forgeflow.store.DeploymentStore;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.Fact;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A deployed service's log as the sandbox runner that runs it journalled it ({@code deploy.log}
 * events), for a gateway whose process has no Docker daemon: the last {@code tail} lines of the
 * current deployment, then each batch the runner journals, until the deployment is stopped or
 * replaced. Lines of an earlier deployment of the run (another container) are not shown.
 */
final class JournalLogs {
  static final String TRUNCATED =
      "[forgeflow] the journal keeps the first %d lines of a service's log; later lines are only"
          + " in its container's log on sandbox host %s";
  static final String DROPPED = "[forgeflow] %d lines dropped: the service logged too fast";

  private static final Logger LOG = LoggerFactory.getLogger(JournalLogs.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int PAGE = 500;

  private final RunJournal journal;
  private final DeploymentStore deployments;
  private final Duration wait;
  private final Duration check;

  /**
   * @param wait how long one read waits for the runner's next batch
   * @param check how often the deployment record is read again to see whether it still stands
   */
  JournalLogs(RunJournal journal, DeploymentStore deployments, Duration wait, Duration check) {
    this.journal = journal;
    this.deployments = deployments;
    this.wait = wait;
    this.check = check;
  }

  JournalLogs(RunJournal journal, DeploymentStore deployments) {
    this(journal, deployments, Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  /**
   * Hands on the last {@code tail} lines of the service of {@code project}, run by {@code runId} on
   * sandbox host {@code host}, then, when {@code follow}, each new batch.
   *
   * @throws NoSuchElementException if the project has no recorded deployment
   */
  AutoCloseable follow(
      String runId,
      String project,
      String host,
      int tail,
      boolean follow,
      Consumer<String> lines,
      Runnable ended) {
    DeploymentRecord deployment =
        deployments
            .find(project)
            .orElseThrow(() -> new NoSuchElementException("run " + runId + " has no service"));
    Follower follower =
        new Follower(runId, project, deployment.containerId(), host, tail, lines, ended);
    // here, not on the follower's thread: what is journalled once this returns is new
    follower.emitTail();
    if (!follow) {
      ended.run();
      return () -> {};
    }
    Thread thread = new Thread(follower, "forgeflow-journal-log-" + project);
    thread.setDaemon(true);
    thread.start();
    return () -> {
      follower.closed = true;
      thread.interrupt();
    };
  }

  private final class Follower implements Runnable {
    private final String runId;
    private final String project;
    private final String container;
    private final String host;
    private final int tail;
    private final Consumer<String> lines;
    private final Runnable ended;
    private volatile boolean closed;
    private long seq;
    private boolean truncated;

    Follower(
        String runId,
        String project,
        String container,
        String host,
        int tail,
        Consumer<String> lines,
        Runnable ended) {
      this.runId = runId;
      this.project = project;
      this.container = container;
      this.host = host;
      this.tail = tail;
      this.lines = lines;
      this.ended = ended;
    }

    @Override
    public void run() {
      try {
        long nextCheck = System.nanoTime() + check.toNanos();
        while (!closed && !truncated) {
          List<JournalEvent> events = journal.awaitAfter(runId, seq, PAGE, wait);
          if (Thread.currentThread().isInterrupted()) {
            return;
          }
          for (JournalEvent event : events) {
            seq = event.seq();
            batch(event).ifPresent(this::emit);
          }
          if (System.nanoTime() - nextCheck >= 0) {
            if (!standing()) {
              return;
            }
            nextCheck = System.nanoTime() + check.toNanos();
          }
        }
      } catch (RuntimeException e) {
        LOG.warn("following the journalled log of {} stopped: {}", project, e.getMessage());
      } finally {
        if (!closed) {
          ended.run();
        }
      }
    }

    /** The last {@code tail} lines journalled so far, and where the journal stands. */
    void emitTail() {
      Deque<String> last = new ArrayDeque<>();
      List<JournalEvent> page;
      do {
        page = journal.readAfter(runId, seq, PAGE);
        for (JournalEvent event : page) {
          seq = event.seq();
          Optional<JsonNode> batch = batch(event);
          if (batch.isEmpty()) {
            continue;
          }
          collect(batch.get(), line -> keep(last, line));
        }
      } while (page.size() == PAGE && !closed);
      last.forEach(this::out);
    }

    /** Passes a line on, unless the follower was closed: nothing is sent after closing. */
    private void out(String line) {
      if (!closed) {
        lines.accept(line);
      }
    }

    private void keep(Deque<String> last, String line) {
      if (tail == 0) {
        return;
      }
      if (last.size() == tail) {
        last.removeFirst();
      }
      last.addLast(line);
    }

    private void emit(JsonNode batch) {
      collect(batch, this::out);
    }

    private void collect(JsonNode batch, Consumer<String> out) {
      int dropped = batch.path("dropped").asInt(0);
      if (dropped > 0) {
        out.accept(String.format(DROPPED, dropped));
      }
      batch.path("lines").forEach(line -> out.accept(line.asText()));
      if (batch.hasNonNull("truncated")) {
        truncated = true;
        out.accept(
            String.format(
                TRUNCATED, dev.forgeflow.orchestrator.deploy.LogJournaling.MAX_LINES, host));
      }
    }

    /** The event's payload if it is a batch of this deployment's log lines. */
    private Optional<JsonNode> batch(JournalEvent event) {
      if (!Fact.DeployLog.TYPE.equals(event.type())) {
        return Optional.empty();
      }
      try {
        JsonNode payload = JSON.readTree(event.payloadJson());
        if (!project.equals(payload.path("project").asText())) {
          return Optional.empty();
        }
        String from = payload.path("container").asText(null);
        return from == null || from.equals(container) ? Optional.of(payload) : Optional.empty();
      } catch (java.io.IOException unreadable) {
        return Optional.empty();
      }
    }

    /** Whether the deployment followed is still the project's, and up. */
    private boolean standing() {
      return deployments
          .find(project)
          .filter(record -> Objects.equals(record.containerId(), container))
          .filter(record -> "healthy".equals(record.status()))
          .isPresent();
    }
  }
}
