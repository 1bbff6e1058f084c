package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * The journal's central promise under load: many writers append to one run while a reader tails it,
 * and the reader sees every event exactly once, in sequence order, with no gaps.
 */
abstract class JournalConcurrencyContract {

  private static final int WRITERS = 8;
  private static final int EVENTS_PER_WRITER = 250;
  private static final int TOTAL = WRITERS * EVENTS_PER_WRITER;
  private static final int READERS = 3;

  private final RunStore runs;
  private final RunJournal journal;

  protected JournalConcurrencyContract(Stores stores) {
    this.runs = stores.runs();
    this.journal = stores.journal();
  }

  @Test
  void aTailingReaderSeesEveryEventOfConcurrentWritersOnceInOrder() throws Exception {
    String run = runs.create(new NewRun("concurrency", null));
    ExecutorService threads = Executors.newFixedThreadPool(WRITERS + READERS);
    try {
      CountDownLatch go = new CountDownLatch(1);
      List<Future<List<JournalEvent>>> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(threads.submit(() -> tail(run)));
      }
      List<Future<?>> writers = new ArrayList<>();
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(threads.submit(() -> write(run, writer, go)));
      }
      go.countDown();
      for (Future<?> writer : writers) {
        writer.get(2, TimeUnit.MINUTES);
      }
      for (Future<List<JournalEvent>> reader : readers) {
        List<JournalEvent> seen = reader.get(2, TimeUnit.MINUTES);
        assertThat(seen).extracting(JournalEvent::seq).containsExactlyElementsOf(oneTo(TOTAL));
        assertEachWritersEventsAppearInItsOrder(seen);
        assertThat(journal.readAfter(run, 0, TOTAL + 1)).isEqualTo(seen);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private Void write(String run, int writer, CountDownLatch go) throws InterruptedException {
    go.await();
    for (int n = 0; n < EVENTS_PER_WRITER; n++) {
      journal.append(run, "test.event", "{\"writer\": " + writer + ", \"n\": " + n + "}", 1);
    }
    return null;
  }

  /**
   * Follows the journal as a client would, always asking for what comes after the last event it
   * saw, until it has seen the last one. An event that became visible after a later one would be
   * skipped for good.
   */
  private List<JournalEvent> tail(String run) {
    List<JournalEvent> seen = new ArrayList<>();
    long last = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (last < TOTAL && System.nanoTime() < deadline) {
      for (JournalEvent event : journal.awaitAfter(run, last, 100, Duration.ofSeconds(5))) {
        seen.add(event);
        last = event.seq();
      }
    }
    return seen;
  }

  private static void assertEachWritersEventsAppearInItsOrder(List<JournalEvent> seen) {
    Map<Integer, List<Integer>> byWriter = new HashMap<>();
    for (JournalEvent event : seen) {
      JsonNode payload = JsonAssert.tree(event.payloadJson());
      byWriter
          .computeIfAbsent(payload.get("writer").asInt(), w -> new ArrayList<>())
          .add(payload.get("n").asInt());
    }
    List<Integer> expected = IntStream.range(0, EVENTS_PER_WRITER).boxed().toList();
    assertThat(byWriter).hasSize(WRITERS);
    byWriter.values().forEach(ns -> assertThat(ns).containsExactlyElementsOf(expected));
  }

  private static List<Long> oneTo(int n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }
}
