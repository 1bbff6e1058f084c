package dev.forgeflow.agents.retrieval;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;

import dev.langchain4j.data.document.Metadata;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingSearchRequest;
import dev.langchain4j.store.embedding.filter.Filter;
import java.util.List;
import java.util.Map;

/** {@code where} maps, chunks and searches as langchain4j's filters, segments and requests. */
final class Filters {
  private Filters() {}

  static Filter of(Map<String, Object> where) {
    Filter filter = null;
    for (Map.Entry<String, Object> entry :
        where.entrySet().stream().sorted(Map.Entry.comparingByKey()).toList()) {
      Filter one = one(entry.getKey(), entry.getValue());
      filter = filter == null ? one : filter.and(one);
    }
    return filter;
  }

  private static Filter one(String key, Object value) {
    if (value instanceof List<?> any) {
      if (any.stream().allMatch(Integer.class::isInstance)) {
        return metadataKey(key).isIn(any.stream().map(Integer.class::cast).toList());
      }
      return metadataKey(key).isIn(any.stream().map(String::valueOf).toList());
    }
    if (value instanceof Integer number) {
      return metadataKey(key).isEqualTo(number);
    }
    return metadataKey(key).isEqualTo(String.valueOf(value));
  }

  static Metadata metadata(Chunk chunk) {
    return Metadata.from(chunk.metadata());
  }

  /** The chunks as langchain4j text segments with their metadata. */
  static List<TextSegment> segments(List<Chunk> chunks) {
    return chunks.stream().map(c -> TextSegment.from(c.text(), metadata(c))).toList();
  }

  /** A search for the {@code limit} nearest matches of {@code where}, whatever their score. */
  static EmbeddingSearchRequest search(Embedding query, Map<String, Object> where, int limit) {
    EmbeddingSearchRequest.EmbeddingSearchRequestBuilder request =
        EmbeddingSearchRequest.builder().queryEmbedding(query).maxResults(limit).minScore(0.0);
    if (!where.isEmpty()) {
      request.filter(of(where));
    }
    return request.build();
  }
}
