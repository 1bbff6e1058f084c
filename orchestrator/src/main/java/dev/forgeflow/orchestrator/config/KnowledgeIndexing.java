package dev.forgeflow.orchestrator.config;

import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.agents.retrieval.VectorStoreUnavailableException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Indexes the knowledge base on its own thread, so start-up does not wait for it, and is waited for
 * when the application closes: the store it writes to (the embedded one lives in the data dir) is
 * not closed, and the data dir not removed, while it is still writing.
 */
public final class KnowledgeIndexing implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexing.class);

  private final Retrieval retrieval;
  private final Duration patience;
  private Thread thread;

  /**
   * @param patience how long closing waits for an indexing under way to end
   */
  public KnowledgeIndexing(Retrieval retrieval, Duration patience) {
    this.retrieval = retrieval;
    this.patience = patience;
  }

  /** Starts indexing, once; later calls do nothing. */
  public synchronized void start() {
    if (thread != null) {
      return;
    }
    thread = new Thread(this::index, "forgeflow-knowledge-index");
    thread.setDaemon(true);
    thread.start();
  }

  private void index() {
    try {
      boolean indexed = retrieval.ensureKnowledge();
      log.info(
          indexed ? "knowledge base {} indexed in {}" : "knowledge base {} already indexed in {}",
          retrieval.knowledgeBase().hash(),
          retrieval.storeName());
    } catch (VectorStoreUnavailableException e) {
      log.warn("knowledge base not indexed yet: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.warn("knowledge base not indexed: {}", e.toString());
    }
  }

  /** Waits, up to the patience given, for an indexing under way to end. */
  @Override
  public void close() {
    Thread running;
    synchronized (this) {
      running = thread;
    }
    if (running == null) {
      return;
    }
    try {
      running.join(patience.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (running.isAlive()) {
      log.warn("closing while the knowledge base is still being indexed after {}", patience);
    }
  }
}
