package dev.forgeflow.orchestrator.metrics;

import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Fact.LlmUsage;
import dev.forgeflow.workflows.journal.Fact.RunCancelled;
import dev.forgeflow.workflows.journal.Fact.RunCompleted;
import dev.forgeflow.workflows.journal.Fact.RunFailed;
import dev.forgeflow.workflows.journal.Fact.RunStarted;
import dev.forgeflow.workflows.journal.Fact.StageCompleted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Turns the facts a run's journal records into meters: runs started and finished by outcome, stage
 * durations by stage, model tokens and cost by agent and model. Each fact is counted once per
 * journal event ({@link MeteredRunJournal} sees a retried writer's restated fact as the same
 * event).
 */
final class RunMeters {

  static final String RUNS_STARTED = "forgeflow.runs.started";
  static final String RUNS_FINISHED = "forgeflow.runs.finished";
  static final String STAGE_DURATION = "forgeflow.stage.duration";
  static final String LLM_TOKENS = "forgeflow.llm.tokens";
  static final String LLM_COST = "forgeflow.llm.cost";

  private final MeterRegistry registry;

  RunMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** True if {@code type} names a fact these meters count. */
  static boolean counts(String type) {
    return switch (type) {
      case RunStarted.TYPE,
          RunCompleted.TYPE,
          RunFailed.TYPE,
          RunCancelled.TYPE,
          StageCompleted.TYPE,
          LlmUsage.TYPE ->
          true;
      default -> false;
    };
  }

  /** Records what {@code fact} says; facts that are not measured change nothing. */
  void record(Fact fact) {
    if (fact instanceof RunStarted) {
      Counter.builder(RUNS_STARTED)
          .description("Runs the workflow began")
          .register(registry)
          .increment();
    } else if (fact instanceof RunCompleted completed) {
      finished(completed.outcome());
    } else if (fact instanceof RunFailed) {
      finished("FAILED");
    } else if (fact instanceof RunCancelled) {
      finished("CANCELLED");
    } else if (fact instanceof StageCompleted stage) {
      Timer.builder(STAGE_DURATION)
          .description("How long a pipeline stage took, by the workflow's clock")
          .tag("stage", known(stage.stage()))
          .register(registry)
          .record(Duration.ofMillis(Math.max(0, stage.elapsedMs())));
    } else if (fact instanceof LlmUsage usage) {
      usage(usage);
    }
  }

  private void finished(String outcome) {
    Counter.builder(RUNS_FINISHED)
        .description("Runs that ended, by outcome (a verdict, FAILED or CANCELLED)")
        .tag("outcome", known(outcome))
        .register(registry)
        .increment();
  }

  private void usage(LlmUsage usage) {
    tokens(usage, "input").increment(Math.max(0, usage.promptTokens()));
    tokens(usage, "output").increment(Math.max(0, usage.completionTokens()));
    Counter.builder(LLM_COST)
        .description("What model calls cost, in US dollars")
        .baseUnit("usd")
        .tag("agent", known(usage.agent()))
        .tag("model", known(usage.model()))
        .register(registry)
        .increment(Math.max(0, usage.costUsd()));
  }

  private Counter tokens(LlmUsage usage, String direction) {
    return Counter.builder(LLM_TOKENS)
        .description("Tokens model calls took in (input) and gave back (output)")
        .baseUnit("tokens")
        .tag("agent", known(usage.agent()))
        .tag("model", known(usage.model()))
        .tag("direction", direction)
        .register(registry);
  }

  private static String known(String value) {
    return value == null || value.isBlank() ? "unknown" : value;
  }
}
