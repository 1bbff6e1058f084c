package dev.forgeflow.orchestrator.metrics;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.workflows.journal.Facts;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A journal that times every append ({@value #APPEND}, by event type and outcome) and hands each
 * newly journalled fact to {@link RunMeters}. An idempotent append that finds its fact already
 * journalled returns the earlier event's seq; the facts seen lately are remembered by run and seq,
 * so such a restatement is not counted again. Metrics never fail an append.
 */
final class MeteredRunJournal implements RunJournal, AutoCloseable {

  static final String APPEND = "forgeflow.journal.append";
  private static final Logger LOG = LoggerFactory.getLogger(MeteredRunJournal.class);
  private static final int REMEMBERED = 10_000;

  private final RunJournal journal;
  private final MeterRegistry registry;
  private final RunMeters meters;
  private final Set<String> counted =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                  return size() > REMEMBERED;
                }
              }));

  MeteredRunJournal(RunJournal journal, MeterRegistry registry) {
    this.journal = journal;
    this.registry = registry;
    this.meters = new RunMeters(registry);
  }

  @Override
  public long append(String runId, String type, String payloadJson, int attempt, String factKey) {
    Timer.Sample sample = Timer.start(registry);
    long seq;
    try {
      seq = journal.append(runId, type, payloadJson, attempt, factKey);
    } catch (RuntimeException e) {
      sample.stop(appendTimer(type, "error"));
      throw e;
    }
    sample.stop(appendTimer(type, "ok"));
    observe(runId, seq, type, payloadJson);
    return seq;
  }

  private Timer appendTimer(String type, String outcome) {
    return Timer.builder(APPEND)
        .description("How long appending an event to a run's journal took")
        .tag("type", type == null ? "unknown" : type)
        .tag("outcome", outcome)
        .register(registry);
  }

  private void observe(String runId, long seq, String type, String payloadJson) {
    if (!RunMeters.counts(type) || !counted.add(runId + "/" + seq)) {
      return;
    }
    try {
      Facts.read(type, payloadJson).ifPresent(meters::record);
    } catch (RuntimeException unreadable) {
      LOG.debug("not measured: {} event {} of run {}", type, seq, runId, unreadable);
    }
  }

  @Override
  public List<JournalEvent> readAfter(String runId, long afterSeq, int limit) {
    return journal.readAfter(runId, afterSeq, limit);
  }

  @Override
  public List<JournalEvent> awaitAfter(String runId, long afterSeq, int limit, Duration maxWait) {
    return journal.awaitAfter(runId, afterSeq, limit, maxWait);
  }

  @Override
  public void close() throws Exception {
    if (journal instanceof AutoCloseable closeable) {
      closeable.close();
    }
  }
}
