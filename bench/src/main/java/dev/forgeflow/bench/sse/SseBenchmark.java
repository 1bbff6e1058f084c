package dev.forgeflow.bench.sse;

import dev.forgeflow.store.Database;
import dev.forgeflow.store.EmbeddedDatabase;
import dev.forgeflow.store.Stores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * SSE delivery latency on one gateway: the time from a journal append to each subscriber's client
 * having parsed the event, at each level of concurrent subscribers, beside plain GETs at the same
 * concurrency, with the gateway's memory per subscriber. The gateway runs in a JVM of its own over
 * embedded PostgreSQL; this JVM appends the events and is every subscriber's client, so both ends
 * of each latency are read from one clock. Every subscriber must receive every event once and in
 * order, or the benchmark fails.
 *
 * <p>Arguments: see {@link SseOptions}; {@code bench/run-sse} supplies the gateway's classpath.
 */
public final class SseBenchmark {
  private SseBenchmark() {}

  public static void main(String[] args) throws Exception {
    SseOptions options;
    try {
      options = SseOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    try {
      run(options);
    } catch (IllegalStateException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(1);
    }
  }

  private static void run(SseOptions options) throws IOException, InterruptedException {
    SseReport.Machine machine = SseReport.Machine.now();
    Path dataDir = Files.createTempDirectory("forgeflow-sse-bench-");
    Path log = options.json().toAbsolutePath().resolveSibling("sse-gateway.log");
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir.resolve("db"))) {
      Database.migrate(database.dataSource());
      try (Stores stores = Stores.postgres(database.dataSource());
          GatewayProcess gateway =
              GatewayProcess.start(
                  options.gatewayClasspath(), options.gatewayHeap(), database, log)) {
        System.out.printf("gateway pid %d at %s, log %s%n", gateway.pid(), gateway.baseUrl(), log);
        List<LevelFigures> levels = measure(Fixture.of(dataDir, stores, gateway), options);
        SseReport.print(System.out, machine, options, levels);
        SseReport.writeJson(options.json(), machine, options, levels);
        System.out.printf("%nfigures written to %s%n", options.json().toAbsolutePath());
      }
    } finally {
      delete(dataDir);
    }
  }

  private static List<LevelFigures> measure(Fixture fixture, SseOptions options)
      throws IOException, InterruptedException {
    if (options.warmupEvents() > 0) {
      Level warmup = new Level(SseOptions.WARMUP_SUBSCRIBERS, 1);
      System.out.printf("warm-up: %s, %d events%n", warmup.label(), options.warmupEvents());
      LevelRun.run(fixture, warmup, options.warmupEvents(), options.interval(), true);
    }
    List<LevelFigures> levels = new ArrayList<>();
    for (Level level : options.levels()) {
      System.out.printf("measuring: %s, %d events per run%n", level.label(), options.events());
      // One baseline per concurrency: a level spread over runs shows the one-run level's.
      Optional<LevelFigures.Baseline> sameConcurrency =
          levels.stream()
              .filter(f -> f.level().subscribers() == level.subscribers() && f.baseline() != null)
              .map(LevelFigures::baseline)
              .findFirst();
      LevelFigures figures =
          LevelRun.run(
              fixture, level, options.events(), options.interval(), sameConcurrency.isEmpty());
      levels.add(sameConcurrency.map(figures::withBaseline).orElse(figures));
    }
    return levels;
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
