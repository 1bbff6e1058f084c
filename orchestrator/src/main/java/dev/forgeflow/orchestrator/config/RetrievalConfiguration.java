package dev.forgeflow.orchestrator.config;

import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.agents.retrieval.ChromaVectorStore;
import dev.forgeflow.agents.retrieval.EmbeddedVectorStore;
import dev.forgeflow.agents.retrieval.Embedder;
import dev.forgeflow.agents.retrieval.KnowledgeBase;
import dev.forgeflow.agents.retrieval.OpenAiEmbeddings;
import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.agents.retrieval.VectorStore;
import java.time.Duration;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * Retrieval: the bundled all-MiniLM-L6-v2 embeddings in-process (or an OpenAI-compatible embeddings
 * endpoint), and the vector store — a Chroma server when {@code FORGEFLOW_CHROMA_URL} names one,
 * else the embedded store in the data dir's {@code vectors/}. The knowledge base is indexed once
 * the application is ready, unless its content is indexed already; a store that is down then is
 * retried by the first retrieval that needs it. Closing waits for an indexing under way.
 */
@Configuration(proxyBeanMethods = false)
public class RetrievalConfiguration {

  @Bean
  VectorStore vectorStore(ForgeflowProperties properties) {
    if (properties.chromaUrl().isBlank()) {
      return new EmbeddedVectorStore(properties.dataDir().resolve("vectors"));
    }
    return new ChromaVectorStore(properties.chromaUrl(), Duration.ofSeconds(20));
  }

  /**
   * The bundled all-MiniLM-L6-v2, or, with a model endpoint configured and {@code
   * FORGEFLOW_EMBEDDINGS_MODEL} set, that endpoint's embedding model.
   */
  @Bean
  Embedder embedder(ForgeflowProperties properties, ModelChoice model) {
    String embeddings = properties.embeddingsModel();
    if (embeddings.isBlank()) {
      return Embedder.bundled();
    }
    LlmSettings settings =
        model
            .settings()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "FORGEFLOW_EMBEDDINGS_MODEL needs a model endpoint: set"
                            + " FORGEFLOW_LLM_BASE_URL too"));
    return OpenAiEmbeddings.embedder(settings, embeddings);
  }

  @Bean
  Retrieval retrieval(Embedder embedder, VectorStore store) {
    return new Retrieval(embedder, store, KnowledgeBase.bundled());
  }

  @Bean
  KnowledgeIndexing knowledgeIndexing(Retrieval retrieval) {
    return new KnowledgeIndexing(retrieval, Duration.ofSeconds(30));
  }

  @EventListener(ApplicationReadyEvent.class)
  void indexKnowledge(ApplicationReadyEvent ready) {
    ready.getApplicationContext().getBean(KnowledgeIndexing.class).start();
  }
}
