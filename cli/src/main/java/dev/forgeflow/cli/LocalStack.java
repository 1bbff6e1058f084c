package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.OrchestratorApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole stack in this process: embedded PostgreSQL, the in-process Temporal service and the
 * pipeline worker (or whatever {@code FORGEFLOW_*} points at instead). Closing it stops them.
 */
final class LocalStack implements AutoCloseable {
  private final ConfigurableApplicationContext context;
  private boolean closed;

  private LocalStack(ConfigurableApplicationContext context) {
    this.context = context;
  }

  static LocalStack boot() {
    SpringApplicationBuilder builder =
        new SpringApplicationBuilder(OrchestratorApplication.class)
            .web(WebApplicationType.NONE)
            .logStartupInfo(false)
            .registerShutdownHook(false)
            .properties(
                "logging.threshold.console=OFF",
                "logging.file.name=${forgeflow.data-dir:.forgeflow}/logs/forgeflow.log");
    return new LocalStack(builder.run());
  }

  <T> T get(Class<T> type) {
    return context.getBean(type);
  }

  /** Idempotent; a second caller waits until the first has finished closing. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      context.close();
    }
  }
}
