package dev.forgeflow.orchestrator.config;

import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;

/** A Temporal client, its worker factory, which Temporal it is, and how to let go of them. */
record TemporalConnection(
    WorkflowClient client, WorkerFactory workers, TemporalChoice choice, Runnable closer)
    implements AutoCloseable {
  @Override
  public void close() {
    closer.run();
  }
}
