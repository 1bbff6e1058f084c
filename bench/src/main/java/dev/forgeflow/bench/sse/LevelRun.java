package dev.forgeflow.bench.sse;

import dev.forgeflow.bench.sse.Deliveries.Subscriber;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import reactor.core.Disposable;

/**
 * One level, in this order: the gateway left to go quiet, the baseline GETs (if asked for), the
 * gateway's heap with no stream open, the streams opened to fresh runs, the events appended, every
 * delivery awaited, the heap again with the streams still open, the streams closed, and every
 * stream checked.
 */
final class LevelRun {

  /** The baseline: Spring Boot's liveness state, in memory, with no checks behind it. */
  static final String BASELINE = "/actuator/health/liveness";

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final Duration QUIET_PATIENCE = Duration.ofSeconds(30);
  private static final long SETTLE_MILLIS = 500;
  private static final int GROWN_SHOWN = 5;

  private LevelRun() {}

  static LevelFigures run(
      Fixture fixture, Level level, int events, Duration interval, boolean withBaseline)
      throws IOException, InterruptedException {
    if (!fixture.gateway().awaitQuiet(QUIET_PATIENCE)) {
      System.out.printf("  the gateway is still busy after %d s%n", QUIET_PATIENCE.toSeconds());
    }
    LevelFigures.Baseline get = withBaseline ? baseline(fixture, level, events, interval) : null;
    Thread.sleep(SETTLE_MILLIS);
    HeapHistogram idle = fixture.gateway().liveHeap();
    List<String> runs = fixture.newRuns(level.runs());
    List<Disposable> streams = new ArrayList<>();
    try (SseClient client = fixture.client(level.subscribers())) {
      List<Subscriber> subscribers = open(fixture, client, level, runs, events, streams);
      CpuTimes before = fixture.cpu();
      Map<String, List<Append>> appended =
          Appender.run(fixture.stores().journal(), runs, events, interval);
      Awaiting.all(subscribers, r -> r.count() >= events, "received every event", PATIENCE);
      CpuTimes cpu = fixture.cpu().since(before);
      HeapHistogram loaded = fixture.gateway().liveHeap();
      streams.forEach(Disposable::dispose);
      Deliveries.verify(subscribers, appended);
      LevelFigures.Memory memory =
          new LevelFigures.Memory(
              idle.totalBytes(), loaded.totalBytes(), loaded.mostGrownSince(idle, GROWN_SHOWN));
      return new LevelFigures(level, events, figures(subscribers, appended, cpu), get, memory);
    }
  }

  private static LevelFigures.Baseline baseline(
      Fixture fixture, Level level, int bursts, Duration interval) {
    CpuTimes before = fixture.cpu();
    try (SseClient client = fixture.client(level.subscribers())) {
      Latency latency =
          Latency.of(
              GetLoad.run(client, BASELINE, level.subscribers(), bursts, interval, PATIENCE));
      return new LevelFigures.Baseline(latency, fixture.cpu().since(before));
    }
  }

  /** Opens every subscriber's stream and waits until each has said it is connected. */
  private static List<Subscriber> open(
      Fixture fixture,
      SseClient client,
      Level level,
      List<String> runs,
      int events,
      List<Disposable> streams)
      throws InterruptedException {
    List<Subscriber> subscribers = new ArrayList<>();
    for (int i = 0; i < level.subscribers(); i++) {
      Subscriber s = new Subscriber(i, runs.get(level.runOf(i)), new Receipts(events));
      subscribers.add(s);
      streams.add(client.follow(s.runId(), fixture.token(), s.receipts()));
    }
    Awaiting.all(subscribers, Receipts::connected, "connected", PATIENCE);
    Thread.sleep(SETTLE_MILLIS);
    System.out.printf("  %d streams open; appending%n", subscribers.size());
    return subscribers;
  }

  private static LevelFigures.Streams figures(
      List<Subscriber> subscribers, Map<String, List<Append>> appended, CpuTimes cpu) {
    List<Append> all = appended.values().stream().flatMap(List::stream).toList();
    return new LevelFigures.Streams(
        Latency.of(Deliveries.latenciesMillis(subscribers, appended, Append::endNanos)),
        Latency.of(Deliveries.latenciesMillis(subscribers, appended, Append::startNanos)),
        Latency.of(all.stream().map(Append::millis).toList()),
        Append.perSecond(appended.values().iterator().next()),
        cpu);
  }
}
