package dev.forgeflow.agents.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.store.embedding.EmbeddingMatch;
import dev.langchain4j.store.embedding.inmemory.InMemoryEmbeddingStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The default vector store: langchain4j's in-memory store, one per collection, each persisted as a
 * JSON file in a directory of the data dir after every change (written aside, then moved over the
 * old file, so a crash leaves the old or the new, never half of one). One process owns a data dir.
 */
public final class EmbeddedVectorStore implements VectorStore {

  private static final Pattern COLLECTION = Pattern.compile("[a-z0-9][a-z0-9._-]{1,62}");

  private final Path directory;
  private final Map<String, InMemoryEmbeddingStore<TextSegment>> collections = new HashMap<>();

  public EmbeddedVectorStore(Path directory) {
    this.directory = directory;
  }

  @Override
  public String describe() {
    return "the embedded vector store in " + directory;
  }

  @Override
  public synchronized void upsert(
      String collection, List<Chunk> chunks, List<Embedding> embeddings) {
    if (chunks.size() != embeddings.size()) {
      throw new IllegalArgumentException("one embedding per chunk");
    }
    if (chunks.isEmpty()) {
      return;
    }
    InMemoryEmbeddingStore<TextSegment> store = open(collection);
    List<String> ids = chunks.stream().map(Chunk::id).toList();
    store.removeAll(ids);
    store.addAll(ids, embeddings, Filters.segments(chunks));
    save(collection, store);
  }

  @Override
  public synchronized List<ScoredChunk> search(
      String collection, Embedding query, Map<String, Object> where, int limit) {
    InMemoryEmbeddingStore<TextSegment> store = open(collection);
    return store.search(Filters.search(query, where, limit)).matches().stream()
        .map(EmbeddedVectorStore::scored)
        .toList();
  }

  @Override
  public synchronized void remove(String collection, Map<String, Object> where) {
    InMemoryEmbeddingStore<TextSegment> store = open(collection);
    if (where.isEmpty()) {
      store.removeAll();
    } else {
      store.removeAll(Filters.of(where));
    }
    save(collection, store);
  }

  static ScoredChunk scored(EmbeddingMatch<TextSegment> match) {
    TextSegment segment = match.embedded();
    return new ScoredChunk(
        new Chunk(match.embeddingId(), segment.text(), segment.metadata().toMap()), match.score());
  }

  private InMemoryEmbeddingStore<TextSegment> open(String collection) {
    if (!COLLECTION.matcher(collection).matches()) {
      throw new IllegalArgumentException("not a collection name: " + collection);
    }
    return collections.computeIfAbsent(
        collection,
        name -> {
          Path file = file(name);
          return Files.isRegularFile(file)
              ? InMemoryEmbeddingStore.fromFile(file)
              : new InMemoryEmbeddingStore<>();
        });
  }

  private void save(String collection, InMemoryEmbeddingStore<TextSegment> store) {
    try {
      Files.createDirectories(directory);
      Path file = file(collection);
      Path aside = file.resolveSibling(file.getFileName() + ".writing");
      Files.writeString(aside, store.serializeToJson(), StandardCharsets.UTF_8);
      Files.move(aside, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("could not keep the vector store in " + directory, e);
    }
  }

  private Path file(String collection) {
    return directory.resolve(collection + ".json");
  }
}
