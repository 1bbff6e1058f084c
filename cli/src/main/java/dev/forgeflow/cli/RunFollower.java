package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.orchestrator.runs.RunClosure;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Follows a run's journal from its first event to its end, printing progress, answering the
 * approval gate and budget pauses from the terminal, and writing the project to disk at the end.
 */
final class RunFollower {
  private static final Set<String> RUN_ENDS =
      Set.of(Fact.RunCompleted.TYPE, Fact.RunFailed.TYPE, Fact.RunCancelled.TYPE);

  private final RunPort runs;
  private final Terminal terminal;
  private final Path out;
  private final ProgressPrinter printer;
  private final Questions questions;
  private final CountDownLatch ended = new CountDownLatch(1);
  private final AtomicBoolean endReported = new AtomicBoolean();

  /** The seq of the last event handled: a question asked then is open until answered after it. */
  private volatile long seen;

  private static final Set<String> PLAN_ANSWERS =
      Set.of(Fact.ApprovalDecided.TYPE, Fact.ApprovalTimedOut.TYPE);
  private static final Set<String> BUDGET_ANSWERS =
      Set.of(Fact.BudgetRaised.TYPE, Fact.BudgetStopped.TYPE);
  private static final Set<String> ENDS =
      Set.of(Fact.RunCompleted.TYPE, Fact.RunFailed.TYPE, Fact.RunCancelled.TYPE);

  RunFollower(RunPort runs, Terminal terminal, Path out) {
    this.runs = runs;
    this.terminal = terminal;
    this.out = out;
    this.printer = new ProgressPrinter(terminal);
    this.questions = new Questions(runs, terminal);
  }

  /**
   * Follows the run to its end; its exit code. Events up to {@code history} had happened before
   * this follower started (a resumed run): they are shown, and a question they left unanswered (the
   * plan, the budget) is asked again. A workflow that closes without journalling its end
   * (terminated from Temporal, say) still ends the follow, with a verdict.
   */
  int follow(String runId, long history) {
    try {
      long seq = 0;
      JournalEventView unanswered = null;
      while (seq < history) {
        List<JournalEvent> events = runs.awaitEvents(runId, seq, Duration.ZERO);
        if (events.isEmpty()) {
          break;
        }
        for (JournalEvent event : events) {
          seq = event.seq();
          seen = seq;
          JsonNode payload = printer.print(event);
          if (ENDS.contains(event.type())) {
            return react(runId, event.type(), payload);
          }
          unanswered = Questions.stillOpen(unanswered, new JournalEventView(event.type(), payload));
        }
      }
      if (unanswered != null) {
        react(runId, unanswered.type(), unanswered.payload());
      }
      while (true) {
        List<JournalEvent> events = runs.awaitEvents(runId, seq, Duration.ofSeconds(1));
        for (JournalEvent event : events) {
          seq = event.seq();
          seen = seq;
          JsonNode payload = printer.print(event);
          Integer exit = react(runId, event.type(), payload);
          if (exit != null) {
            return exit;
          }
        }
        if (events.isEmpty() && !open(runId)) {
          // the end event, if any, was journalled before the workflow closed
          for (JournalEvent event : runs.awaitEvents(runId, seq, Duration.ZERO)) {
            seq = event.seq();
            seen = seq;
            Integer exit = react(runId, event.type(), printer.print(event));
            if (exit != null) {
              return exit;
            }
          }
          return closedWithoutEnd(runs.closure(runId).orElseThrow());
        }
      }
    } finally {
      ended.countDown();
    }
  }

  /** Whether the journal has answered the question after {@code asked}, from anywhere. */
  private boolean answeredSince(String runId, long asked, Set<String> answers) {
    try {
      return runs.awaitEvents(runId, asked, Duration.ZERO).stream()
          .anyMatch(event -> answers.contains(event.type()));
    } catch (RuntimeException unknown) {
      return false; // could not tell: keep asking
    }
  }

  private boolean open(String runId) {
    try {
      return runs.closure(runId).isEmpty();
    } catch (RuntimeException unknown) {
      return true; // Temporal could not say: keep following the journal
    }
  }

  private int closedWithoutEnd(RunClosure closure) {
    if (endReported.compareAndSet(false, true)) {
      terminal.println(
          "✗ the run's workflow ended ("
              + closure.status().toLowerCase(Locale.ROOT).replace('_', ' ')
              + (closure.reason().isBlank() ? "" : ": " + closure.reason())
              + ") without journalling a verdict; its journal holds the steps it took");
    }
    return closure.status().equals("CANCELED") ? ExitCodes.CANCELLED : ExitCodes.FAILED;
  }

  private Integer react(String runId, String type, JsonNode payload) {
    switch (type) {
      case Fact.ApprovalRequested.TYPE -> {
        long asked = seen;
        questions.plan(
            runId,
            payload.path("architectureId").asText(),
            () -> open(runId) && !answeredSince(runId, asked, PLAN_ANSWERS));
      }
      case Fact.BudgetExhausted.TYPE -> {
        long asked = seen;
        questions.budget(runId, () -> open(runId) && !answeredSince(runId, asked, BUDGET_ANSWERS));
      }
      case Fact.RunCompleted.TYPE -> {
        return completed(runId, Facts.read(Fact.RunCompleted.class, payload.toString()));
      }
      case Fact.RunFailed.TYPE, Fact.RunCancelled.TYPE -> {
        return reportEnd(new JournalEventView(type, payload));
      }
      default -> {
        return null;
      }
    }
    return null;
  }

  private int completed(String runId, Fact.RunCompleted summary) {
    Path written = null;
    String unwritten = null;
    if (summary.bundleId() != null) {
      try {
        written =
            runs.export(
                runId,
                summary.bundleId(),
                out,
                summary.projectName() == null ? "project" : summary.projectName());
      } catch (UncheckedIOException | IllegalArgumentException e) {
        unwritten = Explanations.brief(e);
      }
    }
    new Summary(terminal).print(runId, summary, written);
    if (unwritten != null) {
      terminal.println(
          "✗ the project could not be written under "
              + out.toAbsolutePath().normalize()
              + " ("
              + unwritten
              + "); free the folder or fix its permissions, then run again");
      return ExitCodes.ENVIRONMENT;
    }
    return "APPROVED".equals(summary.outcome()) ? ExitCodes.APPROVED : ExitCodes.NOT_APPROVED;
  }

  /** Reports a failed or cancelled end once, whichever thread sees it first; its exit code. */
  int reportEnd(JournalEventView end) {
    if (end == null) {
      terminal.println("✗ the run did not confirm its end in time");
      return ExitCodes.FAILED;
    }
    if (end.type().equals(Fact.RunCancelled.TYPE)) {
      if (endReported.compareAndSet(false, true)) {
        terminal.println("✗ run cancelled");
      }
      return ExitCodes.CANCELLED;
    }
    if (end.type().equals(Fact.RunCompleted.TYPE)) {
      terminal.println("the run completed before the cancellation took effect");
      return ExitCodes.NOT_APPROVED;
    }
    if (endReported.compareAndSet(false, true)) {
      terminal.println(
          "✗ run failed in "
              + end.payload().path("stage").asText().toLowerCase(Locale.ROOT)
              + ": "
              + end.payload().path("message").asText());
    }
    return ExitCodes.FAILED;
  }

  /** Reads the journal (not the terminal) until the run has ended; null after the timeout. */
  JournalEventView awaitEndEvent(String runId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long seq = 0;
    while (System.nanoTime() < deadline) {
      for (JournalEvent event : runs.awaitEvents(runId, seq, Duration.ofSeconds(1))) {
        seq = event.seq();
        if (RUN_ENDS.contains(event.type())) {
          return new JournalEventView(event.type(), ProgressPrinter.parse(event.payloadJson()));
        }
      }
    }
    return null;
  }

  boolean ended() {
    return ended.getCount() == 0;
  }
}
