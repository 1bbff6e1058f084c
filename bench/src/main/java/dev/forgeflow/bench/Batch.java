package dev.forgeflow.bench;

import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.workflows.journal.Fact;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Launches runs all at once and follows them to their ends by their stored status, sampled every
 * {@link #POLL}; optionally takes a {@link HeapSample} once every run is in flight.
 */
final class Batch {
  private static final Duration POLL = Duration.ofMillis(50);
  private static final Duration LIMIT = Duration.ofMinutes(10);
  private static final int LAUNCHERS = 16;
  private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");

  /**
   * @param launchedAt when the first launch began
   * @param traces every run of the batch, ended; a trace's end seen is when a sample first found
   *     the run's status final
   * @param maxRunning the most runs with status RUNNING in one sample
   * @param heap the heap sample with every run in flight, if one was asked for
   */
  record Result(
      Instant launchedAt, List<RunTrace> traces, int maxRunning, Optional<HeapSample> heap) {}

  private static final Duration PROGRESS = Duration.ofSeconds(5);
  private final Runs runs;
  private final RunRequest request;
  private final PrintStream out;

  Batch(Runs runs, RunRequest request, PrintStream out) {
    this.runs = runs;
    this.request = request;
    this.out = out;
  }

  /**
   * Launches {@code size} runs from {@value #LAUNCHERS} threads and waits for all of them to end.
   * With {@code sampleHeap}, the heap is sampled once, as soon as every run is RUNNING and has
   * journalled {@code run.started} (or, if the first runs end before the last ones start, once the
   * last launch has returned and a run ended).
   */
  Result run(int size, boolean sampleHeap) throws InterruptedException {
    Map<String, Instant> launched = new ConcurrentHashMap<>();
    Map<String, Instant> endSeen = new HashMap<>();
    ExecutorService launchers = Executors.newFixedThreadPool(LAUNCHERS);
    Instant launchedAt = Instant.now();
    List<Future<?>> launches = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        launches.add(launchers.submit(() -> launch(launched)));
      }
      int maxRunning = 0;
      HeapSample heap = null;
      long deadline = System.nanoTime() + LIMIT.toNanos();
      long nextProgress = System.nanoTime() + PROGRESS.toNanos();
      while (true) {
        failed(launches);
        Map<String, String> status = statuses(launched.keySet(), size);
        int running = (int) status.values().stream().filter("RUNNING"::equals).count();
        int ended = (int) status.values().stream().filter(FINAL::contains).count();
        maxRunning = Math.max(maxRunning, running);
        Instant now = Instant.now();
        status.forEach(
            (runId, value) -> {
              if (FINAL.contains(value)) {
                endSeen.putIfAbsent(runId, now);
              }
            });
        boolean allLaunched = launched.size() == size;
        if (sampleHeap
            && heap == null
            && allLaunched
            && (ended > 0 || running == size && journalled(launched.keySet()))) {
          heap = HeapSample.take();
        }
        if (allLaunched && ended == size) {
          break;
        }
        if (System.nanoTime() > nextProgress) {
          nextProgress += PROGRESS.toNanos();
          out.printf(
              "  %3d s: %d launched, %d running, %d ended%n",
              RunTrace.millis(launchedAt, now) / 1000, launched.size(), running, ended);
        }
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              ended + " of " + size + " runs ended within " + LIMIT.toMinutes() + " minutes");
        }
        Thread.sleep(POLL.toMillis());
      }
      return new Result(
          launchedAt, traces(launched, endSeen), maxRunning, Optional.ofNullable(heap));
    } finally {
      launchers.shutdownNow();
    }
  }

  private void launch(Map<String, Instant> launched) {
    Instant at = Instant.now();
    Launch launch = runs.launch(request);
    if (launch instanceof Launch.Refused refused) {
      throw new IllegalStateException("a run was refused: " + refused.reason());
    }
    launched.put(((Launch.Started) launch).runId(), at);
  }

  private static void failed(List<Future<?>> launches) throws InterruptedException {
    for (Future<?> launch : launches) {
      if (launch.isDone()) {
        try {
          launch.get();
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IllegalStateException("a launch failed: " + e.getCause().getMessage(), e);
        }
      }
    }
  }

  /** The status of each of the batch's runs, from one query of the most recent runs. */
  private Map<String, String> statuses(Set<String> ids, int size) {
    return runs.stores().runs().recent(size).stream()
        .filter(r -> ids.contains(r.id()))
        .collect(Collectors.toMap(RunRecord::id, RunRecord::status));
  }

  /** Whether every run has journalled {@code run.started}, one of its first events. */
  private boolean journalled(Set<String> ids) {
    for (String runId : ids) {
      List<JournalEvent> first = runs.stores().journal().readAfter(runId, 0, 5);
      if (first.stream().noneMatch(e -> e.type().equals(Fact.RunStarted.TYPE))) {
        return false;
      }
    }
    return true;
  }

  private List<RunTrace> traces(Map<String, Instant> launched, Map<String, Instant> endSeen) {
    List<RunTrace> traces = new ArrayList<>();
    launched.forEach(
        (runId, at) -> {
          List<JournalEvent> events = untilEnd(runId);
          traces.add(
              new RunTrace(
                  runId, at, endSeen.get(runId), events, runs.stores().llmCalls().forRun(runId)));
        });
    return traces;
  }

  /** The run's journal up to its terminal event, which follows its final status closely. */
  private List<JournalEvent> untilEnd(String runId) {
    List<JournalEvent> events =
        new ArrayList<>(runs.stores().journal().readAfter(runId, 0, 100_000));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (events.isEmpty() || !terminal(events.get(events.size() - 1))) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("run " + runId + " has a final status but no end event");
      }
      long after = events.isEmpty() ? 0 : events.get(events.size() - 1).seq();
      events.addAll(runs.awaitEvents(runId, after, Duration.ofSeconds(1)));
    }
    return events;
  }

  private static boolean terminal(JournalEvent event) {
    return event.type().equals(Fact.RunCompleted.TYPE)
        || event.type().equals(Fact.RunFailed.TYPE)
        || event.type().equals(Fact.RunCancelled.TYPE);
  }
}
