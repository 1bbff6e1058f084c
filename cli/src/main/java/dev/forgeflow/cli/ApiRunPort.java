package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.orchestrator.export.ProjectExport;
import dev.forgeflow.orchestrator.runs.RunClosure;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.pipeline.BudgetDecision;
import dev.forgeflow.workflows.pipeline.PlanDecision;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

/**
 * A run on a Forgeflow server, through its HTTP API: the same routes and event stream the web UI
 * uses. Each followed run's events are received once, over one stream that resumes by the last id
 * after a drop, and kept in memory so any number of readers can read from any point.
 */
final class ApiRunPort implements RunPort, AutoCloseable {

  private static final Duration RECONNECT = Duration.ofSeconds(1);
  private static final long MAX_ZIP_BYTES = 256L * 1024 * 1024;

  private final ApiClient api;
  private final Map<String, Followed> followed = new ConcurrentHashMap<>();

  ApiRunPort(ApiClient api) {
    this.api = api;
  }

  /** One run's events so far, and the stream that brings more. */
  private final class Followed {
    private final String runId;
    private final List<JournalEvent> events = new ArrayList<>();
    private Disposable stream;
    private boolean ended;
    private boolean closed;

    Followed(String runId) {
      this.runId = runId;
    }

    synchronized void connect() {
      if (closed || ended) {
        return;
      }
      long after = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
      stream =
          api.events(runId, after).subscribe(this::received, failure -> dropped(), this::dropped);
    }

    private void received(ServerSentEvent<String> event) {
      if (event.id() == null || event.event() == null) {
        return; // a comment: connected, heartbeat
      }
      synchronized (this) {
        long seq = Long.parseLong(event.id());
        long last = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
        if (seq <= last) {
          return;
        }
        String payload = event.data() == null ? "{}" : event.data();
        int attempt = ProgressPrinter.parse(payload).path("attempt").asInt(1);
        events.add(
            new JournalEvent(runId, seq, event.event(), payload, attempt, OffsetDateTime.now()));
        notifyAll();
      }
    }

    /** The stream ended: after the run's end, or a drop; a drop reconnects from the last id. */
    private void dropped() {
      synchronized (this) {
        if (closed) {
          return;
        }
        if (!events.isEmpty() && ProgressPrinter.isRunEnd(events.get(events.size() - 1).type())) {
          ended = true;
          notifyAll();
          return;
        }
      }
      reactor.core.scheduler.Schedulers.boundedElastic()
          .schedule(
              this::connect, RECONNECT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    synchronized List<JournalEvent> after(long afterSeq, Duration maxWait)
        throws InterruptedException {
      long deadline = System.nanoTime() + maxWait.toNanos();
      while (true) {
        List<JournalEvent> newer = new ArrayList<>();
        for (JournalEvent event : events) {
          if (event.seq() > afterSeq) {
            newer.add(event);
          }
        }
        long left = deadline - System.nanoTime();
        if (!newer.isEmpty() || left <= 0 || ended) {
          return newer;
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
      }
    }

    synchronized void close() {
      closed = true;
      if (stream != null) {
        stream.dispose();
      }
      notifyAll();
    }
  }

  @Override
  public List<JournalEvent> awaitEvents(String runId, long afterSeq, Duration maxWait) {
    Followed run =
        followed.computeIfAbsent(
            runId,
            id -> {
              Followed fresh = new Followed(id);
              fresh.connect();
              return fresh;
            });
    try {
      return run.after(afterSeq, maxWait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  @Override
  public void decidePlan(String runId, PlanDecision decision) {
    try {
      if (decision.approve()) {
        api.post(Map.of(), "/api/runs/{id}/approve", runId);
      } else if (decision.feedback() != null) {
        api.post(Map.of("feedback", decision.feedback()), "/api/runs/{id}/request-changes", runId);
      } else {
        api.post(Map.of(), "/api/runs/{id}/reject", runId);
      }
    } catch (ApiProblem refused) {
      throw refusal(refused);
    }
  }

  @Override
  public void decideBudget(String runId, BudgetDecision decision) {
    try {
      api.post(
          Map.of(
              "stop",
              decision.stop(),
              "budgetTokens",
              decision.budgetTokens(),
              "budgetUsd",
              decision.budgetUsd()),
          "/api/runs/{id}/budget",
          runId);
    } catch (ApiProblem refused) {
      throw refusal(refused);
    }
  }

  private static RuntimeException refusal(ApiProblem problem) {
    return problem.status() == 409 ? new Refused(problem.getMessage()) : problem;
  }

  @Override
  public void cancel(String runId) {
    try {
      api.post(Map.of(), "/api/runs/{id}/cancel", runId);
    } catch (ApiProblem ended) {
      if (ended.status() != 409) {
        throw ended;
      }
    }
  }

  /** How the run's workflow closed, as the server reads it from Temporal. */
  @Override
  public Optional<RunClosure> closure(String runId) {
    JsonNode closed = api.get("/api/runs/{id}", runId).path("workflowClosed");
    if (closed.isMissingNode() || closed.isNull()) {
      return Optional.empty();
    }
    return Optional.of(
        new RunClosure(closed.path("status").asText(), closed.path("reason").asText("")));
  }

  @Override
  public String artifact(String runId, String artifactId) {
    return api.get("/api/runs/{id}/artifacts/{artifact}", runId, artifactId).toString();
  }

  /** Downloads the bundle as a zip and writes its files, each confined to the project folder. */
  @Override
  public Path export(String runId, String bundleId, Path root, String projectName) {
    byte[] zip = api.bytes("/api/runs/{id}/download", runId);
    Map<String, byte[]> files = new LinkedHashMap<>();
    long unpacked = 0;
    try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = entries.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String name = entry.getName();
        int slash = name.indexOf('/');
        byte[] content =
            entries.readNBytes((int) Math.min(MAX_ZIP_BYTES - unpacked + 1, Integer.MAX_VALUE - 8));
        unpacked += content.length;
        if (unpacked > MAX_ZIP_BYTES) {
          throw new IllegalArgumentException("the project is larger than 256 MiB unpacked");
        }
        files.put(slash < 0 ? name : name.substring(slash + 1), content); // below the top folder
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return ProjectExport.write(files, root, projectName, runId);
  }

  @Override
  public void close() {
    followed.values().forEach(Followed::close);
  }
}
