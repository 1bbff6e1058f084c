package dev.forgeflow.agents.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A retrieved passage as the agents read it and the run keeps it.
 *
 * @param source {@code document}, {@code knowledge} or {@code code}
 * @param label the document's name, the knowledge section's title or the file's path
 * @param location pages and characters, or lines, in words; empty for a whole section
 * @param documentId the document it came from (documents only)
 * @param page its page, 1-based (documents only)
 * @param offset where in the page it starts (documents only)
 * @param startLine its first line, 1-based (code only)
 * @param endLine its last line (code only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Passage(
    String source,
    String label,
    String location,
    double score,
    String text,
    String documentId,
    Integer page,
    Integer offset,
    Integer startLine,
    Integer endLine) {

  /** A passage of a project document. */
  public static Passage ofDocument(ScoredChunk hit) {
    Chunk chunk = hit.chunk();
    int page = chunk.integer("page");
    int offset = chunk.integer("offset");
    Integer pages = chunk.integer("pages");
    String characters = "characters " + offset + "–" + (offset + chunk.text().length());
    String location = pages != null && pages > 1 ? "page " + page + ", " + characters : characters;
    return new Passage(
        "document",
        chunk.string("name"),
        location,
        round(hit.score()),
        chunk.text(),
        chunk.string("document"),
        page,
        offset,
        null,
        null);
  }

  /** A passage of the knowledge base. */
  public static Passage ofKnowledge(ScoredChunk hit) {
    Chunk chunk = hit.chunk();
    return new Passage(
        "knowledge",
        chunk.string("label"),
        "",
        round(hit.score()),
        chunk.text(),
        null,
        null,
        null,
        null,
        null);
  }

  /** A passage of generated code. */
  public static Passage ofCode(ScoredChunk hit) {
    Chunk chunk = hit.chunk();
    int start = chunk.integer("startLine");
    int end = chunk.integer("endLine");
    return new Passage(
        "code",
        chunk.string("path"),
        "lines " + start + "–" + end,
        round(hit.score()),
        chunk.text(),
        null,
        null,
        null,
        start,
        end);
  }

  private static double round(double score) {
    return Math.round(score * 10_000) / 10_000.0;
  }
}
