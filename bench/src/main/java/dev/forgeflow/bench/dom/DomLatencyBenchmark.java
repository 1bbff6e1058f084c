package dev.forgeflow.bench.dom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.bench.Percentiles;
import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.Stores;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The time from a journal append to the event's line in the web UI's feed, in Chromium: Forgeflow
 * runs in this JVM (gateway, workers, embedded PostgreSQL, the in-process Temporal service, the
 * offline planner, no sandbox); {@code web/e2e/dom-latency.mjs} drives the browser through runs
 * approved on their page and reports when each line appeared; the append time is the journal row's
 * own {@code created_at}. Both ends are read from this machine's clock. Only events appended after
 * the page's stream opened count (those before it arrive as a backlog, not live).
 *
 * <p>Arguments: {@code --runs=N} (default 5), {@code --node=<node>}, {@code --web=<web dir>}. Needs
 * {@code web/node_modules} (the Maven build) and Chromium ({@code FORGEFLOW_CHROMIUM}, default
 * {@code /usr/bin/chromium}).
 */
public final class DomLatencyBenchmark {
  private DomLatencyBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new TreeMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        System.err.println("bench: unknown argument " + arg + " (--runs=N --node=PATH --web=DIR)");
        System.exit(2);
      }
      options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
    }
    int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
    String node = options.getOrDefault("node", "node");
    Path web = Path.of(options.getOrDefault("web", "web")).toAbsolutePath();
    Path dataDir = Files.createTempDirectory("forgeflow-dom-bench-");
    try (ConfigurableApplicationContext context = boot(dataDir)) {
      int port = ((WebServerApplicationContext) context).getWebServer().getPort();
      String url = "http://127.0.0.1:" + port;
      System.out.printf("forgeflow at %s; %d runs in Chromium%n", url, runs);
      List<Double> latencies = new ArrayList<>();
      List<String> slowest = new ArrayList<>();
      int backlog = 0;
      for (JsonNode run : browse(node, web, url, runs)) {
        Instant opened = epoch(run.path("opened").asDouble());
        Stores stores = context.getBean(Stores.class);
        List<JournalEvent> events =
            stores.journal().readAfter(run.path("runId").asText(), 0, 100_000);
        for (JournalEvent event : events) {
          JsonNode seen = run.path("seen").get(Long.toString(event.seq()));
          if (seen == null) {
            throw new IllegalStateException(
                "event " + event.seq() + " of run " + run.path("runId").asText() + " never showed");
          }
          Instant appended = event.createdAt().toInstant();
          if (appended.isBefore(opened)) {
            backlog++;
            continue;
          }
          double ms = (epochNanos(seen.asDouble()) - nanos(appended)) / 1e6;
          latencies.add(ms);
          slowest.add(
              String.format(Locale.ROOT, "%8.1f ms  #%d %s", ms, event.seq(), event.type()));
        }
      }
      report(runs, latencies, backlog);
      slowest.sort(java.util.Comparator.reverseOrder());
      System.out.println("slowest:");
      slowest.stream().limit(5).forEach(line -> System.out.println("  " + line));
    } finally {
      delete(dataDir);
    }
  }

  private static ConfigurableApplicationContext boot(Path dataDir) {
    return new SpringApplicationBuilder(OrchestratorApplication.class)
        .web(WebApplicationType.REACTIVE)
        .logStartupInfo(false)
        .run(
            "--forgeflow.data-dir=" + dataDir,
            "--forgeflow.database-url=",
            "--forgeflow.temporal-target=",
            "--forgeflow.temporal-local=in-process",
            "--forgeflow.sandbox=off",
            "--forgeflow.llm.base-url=",
            "--server.address=127.0.0.1",
            "--server.port=0",
            "--logging.level.dev.forgeflow=WARN",
            "--logging.level.io.temporal=ERROR");
  }

  private static List<JsonNode> browse(String node, Path web, String url, int runs)
      throws IOException, InterruptedException {
    Process browser =
        new ProcessBuilder(
                node, web.resolve("e2e/dom-latency.mjs").toString(), url, Integer.toString(runs))
            .directory(web.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> results = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(browser.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("{")) {
          JsonNode run = json.readTree(line);
          results.add(run);
          System.out.printf(
              "run %s: %d events seen%n", run.path("runId").asText(), run.path("seen").size());
        }
      }
    }
    if (browser.waitFor() != 0 || results.size() != runs) {
      throw new IllegalStateException("the browser side failed (exit " + browser.exitValue() + ")");
    }
    return results;
  }

  private static void report(int runs, List<Double> latencies, int backlog) {
    if (latencies.isEmpty()) {
      throw new IllegalStateException("no event was appended while a page was open");
    }
    System.out.printf(
        Locale.ROOT,
        "%nappend → line in the browser's DOM, %d live events over %d runs (%d earlier ones"
            + " arrived as the page's backlog, not counted):%n"
            + "  p50 %.1f ms   p99 %.1f ms   max %.1f ms%n",
        latencies.size(),
        runs,
        backlog,
        Percentiles.of(latencies, 50),
        Percentiles.of(latencies, 99),
        latencies.stream().mapToDouble(Double::doubleValue).max().orElseThrow());
  }

  private static Instant epoch(double millis) {
    long nanos = (long) (millis * 1e6);
    return Instant.ofEpochSecond(0, nanos);
  }

  private static long epochNanos(double millis) {
    return (long) (millis * 1e6);
  }

  private static long nanos(Instant at) {
    return at.getEpochSecond() * 1_000_000_000L + at.getNano();
  }

  private static void delete(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      Iterator<Path> reversed = paths.sorted((a, b) -> b.compareTo(a)).iterator();
      while (reversed.hasNext()) {
        Files.deleteIfExists(reversed.next());
      }
    }
  }
}
