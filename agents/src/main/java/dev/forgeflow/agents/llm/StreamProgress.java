package dev.forgeflow.agents.llm;

import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.ActivityAttempt;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.JournalEntry;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Turns a file's streamed deltas into {@code code.progress} journal events with payload {@code
 * {path, chars, attempt}} ({@code chars}: characters received so far), at most one per 250 ms and a
 * last one on {@link #close()} — never one per token.
 */
public final class StreamProgress implements StreamListener, AutoCloseable {
  /** The journal event type this listener appends. */
  public static final String EVENT_TYPE = Fact.CodeProgress.TYPE;

  private static final Duration INTERVAL = Duration.ofMillis(250);

  private final RunJournal journal;
  private final String runId;
  private final String path;
  private final ActivityAttempt origin;
  private final LongSupplier nanoTime;
  private long chars;
  private long reportedChars;
  private long lastReport;

  public StreamProgress(RunJournal journal, String runId, String path, int attempt) {
    this(journal, runId, path, attempt, System::nanoTime);
  }

  StreamProgress(
      RunJournal journal, String runId, String path, int attempt, LongSupplier nanoTime) {
    this.journal = journal;
    this.runId = runId;
    this.path = path;
    // Deltas may arrive on another thread: the activity is the one that made this listener.
    this.origin = ActivityAttempt.current().withAttempt(attempt);
    this.nanoTime = nanoTime;
    this.lastReport = nanoTime.getAsLong();
  }

  @Override
  public synchronized void onDelta(String text) {
    chars += text.length();
    if (nanoTime.getAsLong() - lastReport >= INTERVAL.toNanos()) {
      report();
    }
  }

  /** Reports the characters received since the last event, if any. */
  @Override
  public synchronized void close() {
    if (chars > reportedChars) {
      report();
    }
  }

  private void report() {
    lastReport = nanoTime.getAsLong();
    reportedChars = chars;
    JournalEntry progress = JournalEntry.ofActivity(new Fact.CodeProgress(path, chars), origin, "");
    journal.append(
        runId, progress.type(), progress.payloadJson(), progress.attempt(), progress.factKey());
  }
}
