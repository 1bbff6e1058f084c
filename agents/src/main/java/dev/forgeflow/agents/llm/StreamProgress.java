package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.store.RunJournal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Turns a file's streamed deltas into {@code code.progress} journal events with payload {@code
 * {path, chars, attempt}} ({@code chars}: characters received so far), at most one per 250 ms and a
 * last one on {@link #close()} — never one per token.
 */
public final class StreamProgress implements StreamListener, AutoCloseable {
  /** The journal event type this listener appends. */
  public static final String EVENT_TYPE = "code.progress";

  private static final Duration INTERVAL = Duration.ofMillis(250);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RunJournal journal;
  private final String runId;
  private final String path;
  private final int attempt;
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
    this.attempt = attempt;
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
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("path", path);
    payload.put("chars", chars);
    payload.put("attempt", attempt);
    try {
      journal.append(runId, EVENT_TYPE, JSON.writeValueAsString(payload), attempt);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("progress payload is plain data", e);
    }
  }
}
