package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.agents.retrieval.Chunk;
import dev.forgeflow.agents.retrieval.Embedder;
import dev.forgeflow.agents.retrieval.KnowledgeBase;
import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.agents.retrieval.ScoredChunk;
import dev.forgeflow.agents.retrieval.VectorStore;
import dev.langchain4j.data.embedding.Embedding;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KnowledgeIndexingTest {

  /** A fake store whose writes take a while, counting the writes that have ended. */
  static final class SlowFakeStore implements VectorStore {
    final CountDownLatch writing = new CountDownLatch(1);
    final AtomicInteger writesEnded = new AtomicInteger();

    @Override
    public String describe() {
      return "a slow fake store";
    }

    @Override
    public void upsert(String collection, List<Chunk> chunks, List<Embedding> embeddings) {
      writing.countDown();
      try {
        Thread.sleep(400);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      writesEnded.incrementAndGet();
    }

    @Override
    public List<ScoredChunk> search(
        String collection, Embedding query, Map<String, Object> where, int limit) {
      return List.of();
    }

    @Override
    public void remove(String collection, Map<String, Object> where) {}
  }

  @Test
  void closingWaitsForTheIndexingUnderWaySoNothingIsWrittenAfterClose() throws Exception {
    SlowFakeStore store = new SlowFakeStore();
    KnowledgeIndexing indexing =
        new KnowledgeIndexing(
            new Retrieval(Embedder.bundled(), store, KnowledgeBase.bundled()),
            Duration.ofMinutes(2));

    indexing.start();
    assertThat(store.writing.await(2, TimeUnit.MINUTES)).isTrue();
    indexing.close();

    // the passages and the marker that says they are complete: both written before close returned
    int atClose = store.writesEnded.get();
    assertThat(atClose).isEqualTo(2);
    Thread.sleep(500);
    assertThat(store.writesEnded.get()).isEqualTo(atClose);
  }
}
