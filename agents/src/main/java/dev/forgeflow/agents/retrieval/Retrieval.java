package dev.forgeflow.agents.retrieval;

import dev.langchain4j.data.embedding.Embedding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;

/**
 * What the agents, the gateway and the benchmarks search, over one {@link VectorStore} and one
 * {@link Embedder}: the knowledge base (indexed once per content hash), project documents (by
 * project and document), and generated code (by project and bundle version, with line ranges).
 * Every method may throw {@link VectorStoreUnavailableException}.
 */
public final class Retrieval {

  private static final String MARKER = "__complete__";

  private final Embedder embedder;
  private final VectorStore store;
  private final KnowledgeBase knowledge;
  private final TextChunker textChunker = TextChunker.standard();
  private final CodeChunker codeChunker = CodeChunker.standard();
  private volatile boolean knowledgeIndexed;

  public Retrieval(Embedder embedder, VectorStore store, KnowledgeBase knowledge) {
    this.embedder = embedder;
    this.store = store;
    this.knowledge = knowledge;
  }

  /** The store and the embeddings, for messages. */
  public String describe() {
    return store.describe() + " (embeddings: " + embedder.id() + ")";
  }

  /** The store's description alone: {@code Chroma at http://…}. */
  public String storeName() {
    return store.describe();
  }

  public KnowledgeBase knowledgeBase() {
    return knowledge;
  }

  String knowledgeCollection() {
    return "ff-knowledge-" + embedder.id() + "-" + knowledge.hash();
  }

  String documentsCollection() {
    return "ff-documents-" + embedder.id();
  }

  String codeCollection() {
    return "ff-code-" + embedder.id();
  }

  /**
   * Indexes the knowledge base unless this content is indexed already: its collection is named by
   * the content's hash, and a marker is added last, so an interrupted indexing is done again.
   *
   * @return whether it indexed (false: it was indexed already)
   */
  public synchronized boolean ensureKnowledge() {
    if (knowledgeIndexed) {
      return false;
    }
    String collection = knowledgeCollection();
    Embedding probe = embedder.embed("marker");
    boolean complete = !store.search(collection, probe, Map.of("kind", MARKER), 1).isEmpty();
    if (!complete) {
      List<Chunk> chunks = knowledge.chunks();
      store.upsert(collection, chunks, embedder.embedAll(texts(chunks)));
      store.upsert(
          collection, List.of(new Chunk(MARKER, MARKER, Map.of("kind", MARKER))), List.of(probe));
    }
    knowledgeIndexed = true;
    return !complete;
  }

  /**
   * The knowledge passages of these kinds that best match the query, one per section (a long
   * section is cut into several passages: its best one stands for it).
   */
  public List<ScoredChunk> knowledge(String query, List<String> kinds, int limit) {
    ensureKnowledge();
    List<ScoredChunk> found =
        store.search(
            knowledgeCollection(),
            embedder.embed(query),
            Map.of("kind", List.copyOf(kinds)),
            limit * 3);
    java.util.Set<String> sections = new java.util.HashSet<>();
    List<ScoredChunk> distinct = new ArrayList<>();
    for (ScoredChunk hit : found) {
      if (distinct.size() < limit
          && sections.add(hit.chunk().string("file") + "#" + hit.chunk().string("section"))) {
        distinct.add(hit);
      }
    }
    return distinct;
  }

  /**
   * Indexes a document's pages as overlapping passages carrying project, document, name, page
   * (1-based) and offset in the page, replacing any earlier passages of that document.
   *
   * @return how many passages
   */
  public int indexDocument(String projectId, String documentId, String name, List<String> pages) {
    List<Chunk> chunks = documentChunks(projectId, documentId, name, pages);
    store.remove(documentsCollection(), Map.of("document", documentId));
    store.upsert(documentsCollection(), chunks, embedder.embedAll(texts(chunks)));
    return chunks.size();
  }

  /** The passages a document is cut into, without indexing them. */
  public List<Chunk> documentChunks(
      String projectId, String documentId, String name, List<String> pages) {
    List<Chunk> chunks = new ArrayList<>();
    for (int page = 0; page < pages.size(); page++) {
      for (TextChunker.Piece piece : textChunker.split(pages.get(page))) {
        chunks.add(
            new Chunk(
                documentId + ":" + (page + 1) + ":" + piece.offset(),
                piece.text(),
                Map.of(
                    "project",
                    projectId,
                    "document",
                    documentId,
                    "name",
                    name,
                    "page",
                    page + 1,
                    "pages",
                    pages.size(),
                    "offset",
                    piece.offset())));
      }
    }
    return chunks;
  }

  /** Whether any passage of the document is in the store. */
  public boolean documentIndexed(String projectId, String documentId) {
    return !store
        .search(
            documentsCollection(),
            embedder.embed("document"),
            Map.of("project", projectId, "document", documentId),
            1)
        .isEmpty();
  }

  public void removeDocument(String projectId, String documentId) {
    store.remove(documentsCollection(), Map.of("project", projectId, "document", documentId));
  }

  /** Removes every document passage and every code passage of a project. */
  public void removeProject(String projectId) {
    store.remove(documentsCollection(), Map.of("project", projectId));
    store.remove(codeCollection(), Map.of("project", projectId));
  }

  /** The passages of a project's documents that best match the query. */
  public List<ScoredChunk> documents(String projectId, String query, int limit) {
    return store.search(
        documentsCollection(), embedder.embed(query), Map.of("project", projectId), limit);
  }

  /**
   * Indexes a bundle version's files as line-range passages carrying project, run, bundle, version,
   * path and lines, replacing any earlier passages of that bundle.
   *
   * @param content a file's text by its SHA-256
   * @return how many passages
   */
  public int indexCode(
      String projectId,
      String runId,
      String bundleId,
      int version,
      SortedMap<String, String> files,
      Function<String, String> content) {
    List<Chunk> chunks = new ArrayList<>();
    files.forEach(
        (path, sha) -> {
          for (CodeChunker.Lines lines : codeChunker.split(content.apply(sha))) {
            chunks.add(
                new Chunk(
                    bundleId + ":" + path + ":" + lines.startLine(),
                    lines.text(),
                    Map.of(
                        "project", projectId,
                        "run", runId,
                        "bundle", bundleId,
                        "version", version,
                        "path", path,
                        "startLine", lines.startLine(),
                        "endLine", lines.endLine())));
          }
        });
    // the path is embedded with the lines: a question may name the file
    List<String> embedded = chunks.stream().map(c -> c.string("path") + "\n" + c.text()).toList();
    store.remove(codeCollection(), Map.of("bundle", bundleId));
    store.upsert(codeCollection(), chunks, embedder.embedAll(embedded));
    return chunks.size();
  }

  /** Whether any passage of the bundle is in the store. */
  public boolean codeIndexed(String projectId, String bundleId) {
    return !store
        .search(
            codeCollection(),
            embedder.embed("code"),
            Map.of("project", projectId, "bundle", bundleId),
            1)
        .isEmpty();
  }

  /** The passages of a bundle version's code that best match the question. */
  public List<ScoredChunk> code(String projectId, String bundleId, String query, int limit) {
    return store.search(
        codeCollection(),
        embedder.embed(query),
        Map.of("project", projectId, "bundle", bundleId),
        limit);
  }

  private static List<String> texts(List<Chunk> chunks) {
    return chunks.stream().map(Chunk::text).toList();
  }
}
