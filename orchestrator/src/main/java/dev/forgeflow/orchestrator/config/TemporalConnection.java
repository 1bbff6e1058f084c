package dev.forgeflow.orchestrator.config;

import io.temporal.client.WorkflowClient;
import io.temporal.worker.WorkerFactory;

/** A Temporal client, its worker factory, and how to let go of both. */
record TemporalConnection(WorkflowClient client, WorkerFactory workers, Runnable closer)
    implements AutoCloseable {
  @Override
  public void close() {
    closer.run();
  }
}
