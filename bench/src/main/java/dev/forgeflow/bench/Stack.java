package dev.forgeflow.bench;

import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.orchestrator.config.ForgeflowProperties;
import dev.forgeflow.orchestrator.config.WorkerProperties;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark's own Forgeflow: the orchestrator's Spring context with no web server, embedded
 * PostgreSQL in a temporary data dir, the pipeline worker, Temporal as chosen and the model at the
 * fake server. Everything that decides what is measured is given on the command line of the
 * context, which outranks the environment: a configured real model, external database or Temporal
 * never leaks into the benchmark. The worker's capacity ({@code FORGEFLOW_WORKER_*}, {@code
 * FORGEFLOW_DATABASE_POOL_SIZE}) may come from the environment; {@link #describe} says what it is.
 */
final class Stack implements AutoCloseable {
  private final Backend backend;
  private final Path dataDir;
  private final ConfigurableApplicationContext context;

  private Stack(Backend backend, Path dataDir, ConfigurableApplicationContext context) {
    this.backend = backend;
    this.dataDir = dataDir;
    this.context = context;
  }

  /**
   * Boots the stack on {@code backend}; the dev server is the one of {@code temporalCli}, started
   * in the temporary data dir and stopped on {@link #close}.
   *
   * @throws IllegalStateException if the dev server was asked for and local mode fell back to the
   *     in-process service
   */
  static Stack boot(Backend backend, String modelBaseUrl, int concurrency, String temporalCli)
      throws IOException {
    if (backend == Backend.DEV_SERVER && temporalCli.isBlank()) {
      throw new IllegalArgumentException(
          "the dev server needs the temporal executable: set FORGEFLOW_TEMPORAL_CLI or"
              + " --temporal-cli=<path>, or run with --temporal=in-process");
    }
    Path dataDir = Files.createTempDirectory("forgeflow-bench-");
    ConfigurableApplicationContext context = null;
    try {
      context =
          new SpringApplicationBuilder(OrchestratorApplication.class)
              .web(WebApplicationType.NONE)
              .run(properties(backend, dataDir, modelBaseUrl, concurrency, temporalCli));
      TemporalChoice choice = context.getBean(TemporalChoice.class);
      if (backend == Backend.DEV_SERVER && !choice.durable()) {
        throw new IllegalStateException("no dev server: " + choice.describe());
      }
      return new Stack(backend, dataDir, context);
    } catch (RuntimeException notBooted) {
      if (context != null) {
        context.close();
      }
      delete(dataDir);
      throw notBooted;
    }
  }

  private static String[] properties(
      Backend backend, Path dataDir, String modelBaseUrl, int concurrency, String temporalCli) {
    return new String[] {
      "--forgeflow.data-dir=" + dataDir,
      "--forgeflow.database-url=",
      "--forgeflow.temporal-target=",
      "--forgeflow.temporal-local=" + backend.property(),
      "--forgeflow.temporal-cli=" + temporalCli,
      "--forgeflow.implementer-concurrency=" + concurrency,
      "--forgeflow.sandbox=off",
      "--forgeflow.llm.base-url=" + modelBaseUrl,
      "--forgeflow.llm.api-key=sk-bench",
      "--forgeflow.llm.model=fake-model",
      "--forgeflow.llm.prices=fake-model=1/2",
      "--forgeflow.llm.fallback-base-urls=",
      "--forgeflow.llm.fallback-api-keys=",
      "--forgeflow.llm.model-requirements=",
      "--forgeflow.llm.model-architecture=",
      "--forgeflow.llm.model-implementer=",
      "--forgeflow.llm.model-reviewer=",
      "--logging.level.dev.forgeflow=WARN",
      "--logging.level.io.temporal=ERROR"
    };
  }

  Backend backend() {
    return backend;
  }

  Path dataDir() {
    return dataDir;
  }

  Runs runs() {
    return context.getBean(Runs.class);
  }

  WorkflowClient client() {
    return context.getBean(WorkflowClient.class);
  }

  /** Which Temporal, and the worker's capacity as configured. */
  String describe() {
    WorkerProperties worker = context.getBean(WorkerProperties.class);
    return String.format(
        Locale.ROOT,
        "temporal: %s; worker: %d activities, %d workflow tasks, %d local activities, cache %d,"
            + " %d workflow threads, %d+%d pollers; store pool %d",
        context.getBean(TemporalChoice.class).describe(),
        worker.maxConcurrentActivities(),
        worker.maxConcurrentWorkflowTasks(),
        worker.maxConcurrentLocalActivities(),
        worker.workflowCacheSize(),
        worker.maxWorkflowThreads(),
        worker.workflowPollers(),
        worker.activityPollers(),
        context.getBean(ForgeflowProperties.class).databasePoolSize());
  }

  @Override
  public void close() throws IOException {
    try {
      context.close();
    } finally {
      delete(dataDir);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }
}
