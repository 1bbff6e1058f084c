package dev.forgeflow.agents.retrieval;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Retrieval quality on the labelled sets with the Chroma adapter against a real Chroma server: the
 * same floors as {@link RetrievalQualityTest}. The knowledge collection is named by the content's
 * hash, so a server that indexed it before is reused; the code goes in under a new project.
 */
class RetrievalQualityIT {

  @Test
  void theLabelledQuestionsFindTheirAnswersInChroma() {
    ChromaVectorStore chroma =
        new ChromaVectorStore(ChromaVectorStoreIT.chromaUrl(), Duration.ofSeconds(30));
    List<RetrievalEvaluation.Figures> figures =
        RetrievalEvaluation.run(SharedEmbedder.get(), chroma, "quality-" + UUID.randomUUID());
    figures.forEach(f -> System.out.println(f.line() + "\n  misses: " + f.misses()));
    RetrievalQualityTest.assertFloors(figures);
  }
}
