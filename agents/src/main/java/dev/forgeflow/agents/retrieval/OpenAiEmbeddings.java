package dev.forgeflow.agents.retrieval;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.Timeout;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.EmbeddingCreateParams;
import dev.forgeflow.agents.llm.LlmEndpoint;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Embeddings from an OpenAI-compatible {@code /embeddings} endpoint through openai-java: the
 * model's first endpoint and key ({@code FORGEFLOW_LLM_BASE_URL}, {@code FORGEFLOW_LLM_API_KEY})
 * and the embedding model named by {@code FORGEFLOW_EMBEDDINGS_MODEL}.
 */
public final class OpenAiEmbeddings implements EmbeddingModel {

  private final OpenAIClient client;
  private final String model;

  public OpenAiEmbeddings(LlmEndpoint endpoint, String model, java.time.Duration timeout) {
    this.client =
        OpenAIOkHttpClient.builder()
            .baseUrl(endpoint.baseUrl())
            .apiKey(endpoint.apiKey())
            .maxRetries(2)
            .timeout(Timeout.builder().request(timeout).build())
            .build();
    this.model = model;
  }

  /** The embedder for these settings: its id names the model, for collection names. */
  public static Embedder embedder(LlmSettings settings, String model) {
    String id =
        "oa-" + model.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("-+$", "");
    return new Embedder(
        id.length() > 30 ? id.substring(0, 30) : id,
        new OpenAiEmbeddings(settings.endpoints().get(0), model, settings.timeout()));
  }

  @Override
  public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
    CreateEmbeddingResponse response =
        client
            .embeddings()
            .create(
                EmbeddingCreateParams.builder()
                    .model(model)
                    .inputOfArrayOfStrings(segments.stream().map(TextSegment::text).toList())
                    .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                    .build());
    List<Embedding> embeddings =
        response.data().stream()
            .sorted(Comparator.comparingLong(com.openai.models.embeddings.Embedding::index))
            .map(e -> vector(e.embedding()))
            .toList();
    if (embeddings.size() != segments.size()) {
      throw new IllegalStateException(
          "the embeddings endpoint answered "
              + embeddings.size()
              + " embeddings for "
              + segments.size()
              + " texts");
    }
    return Response.from(embeddings);
  }

  private static Embedding vector(List<Float> values) {
    float[] vector = new float[values.size()];
    for (int i = 0; i < vector.length; i++) {
      vector[i] = values.get(i);
    }
    return Embedding.from(vector);
  }
}
