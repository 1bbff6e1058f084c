package dev.forgeflow.bench;

import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.orchestrator.runs.Runs;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs the whole pipeline (embedded PostgreSQL, in-process Temporal, the real agents over HTTP)
 * against a fake model server that adds a fixed latency to every call, for a six-file project, and
 * prints how close the run comes to its model latency: (a) the Implementer stage's wall time over
 * the sum of its calls' latencies, (b) the run's wall time over its critical path of model calls.
 *
 * <p>Arguments (all optional): {@code --runs=5 --warmups=8 --latency-ms=500 --concurrency=6
 * --prompt=... --timeline=false}.
 */
public final class PipelineBenchmark {
  private PipelineBenchmark() {}

  public static void main(String[] args) throws IOException {
    BenchOptions options = BenchOptions.parse(args);
    Path dataDir = Files.createTempDirectory("forgeflow-bench-");
    try (FakeLlmServer server = FakeLlmServer.start(new SixFileModel(), options.latency());
        ConfigurableApplicationContext context = boot(server, dataDir, options)) {
      List<Measured> measured = measure(context, options);
      new Report(System.out).print(options, measured);
      if (options.timeline()) {
        Measured last = measured.get(measured.size() - 1);
        Timeline.print(System.out, last.trace(), last.history());
      }
    } finally {
      delete(dataDir);
    }
  }

  private static List<Measured> measure(
      ConfigurableApplicationContext context, BenchOptions options) {
    RunDriver driver = new RunDriver(context.getBean(Runs.class), options);
    WorkflowClient client = context.getBean(WorkflowClient.class);
    for (int i = 0; i < options.warmups(); i++) {
      System.out.printf("warm-up run %d/%d%n", i + 1, options.warmups());
      driver.run();
    }
    List<Measured> measured = new ArrayList<>();
    for (int i = 0; i < options.runs(); i++) {
      System.out.printf("measured run %d/%d%n", i + 1, options.runs());
      RunTrace trace = driver.run();
      measured.add(Measured.of(trace, client.fetchHistory(trace.runId()).getEvents()));
    }
    return measured;
  }

  /**
   * The orchestrator with no web server, in model mode against the fake server. Given as command
   * line properties, which outrank the environment: a configured real model or external database or
   * Temporal never leaks into the benchmark.
   */
  private static ConfigurableApplicationContext boot(
      FakeLlmServer server, Path dataDir, BenchOptions options) {
    String[] properties = {
      "--forgeflow.data-dir=" + dataDir,
      "--forgeflow.database-url=",
      "--forgeflow.temporal-target=",
      "--forgeflow.temporal-local=in-process",
      "--forgeflow.implementer-concurrency=" + options.concurrency(),
      "--FORGEFLOW_LLM_BASE_URL=" + server.baseUrl(),
      "--FORGEFLOW_LLM_API_KEY=sk-bench",
      "--FORGEFLOW_LLM_MODEL=fake-model",
      "--FORGEFLOW_LLM_PRICES=fake-model=1/2",
      "--FORGEFLOW_LLM_FALLBACK_BASE_URLS=",
      "--FORGEFLOW_LLM_FALLBACK_API_KEYS=",
      "--FORGEFLOW_LLM_MODEL_REQUIREMENTS=",
      "--FORGEFLOW_LLM_MODEL_ARCHITECTURE=",
      "--FORGEFLOW_LLM_MODEL_IMPLEMENTER=",
      "--FORGEFLOW_LLM_MODEL_REVIEWER=",
      "--logging.level.dev.forgeflow=WARN",
      "--logging.level.io.temporal=ERROR"
    };
    return new SpringApplicationBuilder(OrchestratorApplication.class)
        .web(WebApplicationType.NONE)
        .run(properties);
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
