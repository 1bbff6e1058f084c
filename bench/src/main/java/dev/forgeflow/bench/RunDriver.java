package dev.forgeflow.bench;

import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.artifacts.AgentModels;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.pipeline.ApprovalTimeoutAction;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Launches one run through {@link Runs}, follows its journal to the end and collects its trace. */
final class RunDriver {
  private static final Set<String> RUN_ENDS =
      Set.of(Fact.RunCompleted.TYPE, Fact.RunFailed.TYPE, Fact.RunCancelled.TYPE);
  private static final Duration RUN_LIMIT = Duration.ofMinutes(5);
  private final Runs runs;
  private final BenchOptions options;

  RunDriver(Runs runs, BenchOptions options) {
    this.runs = runs;
    this.options = options;
  }

  RunTrace run() {
    Instant launchedAt = Instant.now();
    Launch launch = runs.launch(request(options));
    if (launch instanceof Launch.Refused refused) {
      throw new IllegalStateException("the run was refused: " + refused.reason());
    }
    String runId = ((Launch.Started) launch).runId();
    awaitEnd(runId);
    Instant endSeenAt = Instant.now();
    List<JournalEvent> events = runs.stores().journal().readAfter(runId, 0, 100_000);
    return new RunTrace(
        runId, launchedAt, endSeenAt, events, runs.stores().llmCalls().forRun(runId));
  }

  /** The benchmark's run: no approval gate, no budget, no sandbox. */
  static RunRequest request(BenchOptions options) {
    return new RunRequest(options.prompt(), pipelineOptions(options));
  }

  private static PipelineOptions pipelineOptions(BenchOptions options) {
    return new PipelineOptions(
        false,
        Duration.ofDays(7),
        ApprovalTimeoutAction.REJECT,
        3,
        options.concurrency(),
        0,
        0,
        AgentModels.DEFAULTS,
        SandboxMode.OFF);
  }

  /** Follows the journal as a client would, until the run's terminal event. */
  private void awaitEnd(String runId) {
    long deadline = System.nanoTime() + RUN_LIMIT.toNanos();
    long seq = 0;
    while (System.nanoTime() < deadline) {
      for (JournalEvent event : runs.awaitEvents(runId, seq, Duration.ofSeconds(1))) {
        seq = event.seq();
        if (RUN_ENDS.contains(event.type())) {
          return;
        }
      }
    }
    throw new IllegalStateException("run " + runId + " did not end within " + RUN_LIMIT);
  }
}
