package dev.forgeflow.agents.retrieval;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text into overlapping passages of about {@code size} characters, ending each at a paragraph,
 * line, sentence or word break where one is near, so a passage seldom stops mid-word. Each passage
 * knows its offset in the text. Deterministic: the same text gives the same passages.
 */
public final class TextChunker {

  /** A passage and where it starts in the text. */
  public record Piece(int offset, String text) {}

  private final int size;
  private final int overlap;

  public TextChunker(int size, int overlap) {
    if (size < 50 || overlap < 0 || overlap >= size / 2) {
      throw new IllegalArgumentException("size >= 50 and 0 <= overlap < size / 2");
    }
    this.size = size;
    this.overlap = overlap;
  }

  /** Passages of about 800 characters overlapping by about 160: about 200 MiniLM tokens each. */
  public static TextChunker standard() {
    return new TextChunker(800, 160);
  }

  public List<Piece> split(String text) {
    List<Piece> pieces = new ArrayList<>();
    int start = skipSpace(text, 0);
    while (start < text.length()) {
      int end =
          text.length() - start <= size
              ? text.length()
              : breakBefore(text, start + size, start + size / 2);
      String piece = text.substring(start, end).strip();
      if (!piece.isEmpty()) {
        pieces.add(new Piece(start, piece));
      }
      if (end >= text.length()) {
        break;
      }
      int next = Math.max(start + 1, breakAfter(text, end - overlap, end));
      start = skipSpace(text, next);
    }
    return pieces;
  }

  /** The best break at or before {@code limit}, not before {@code floor}. */
  private static int breakBefore(String text, int limit, int floor) {
    for (String mark : new String[] {"\n\n", "\n", ". ", " "}) {
      int at = text.lastIndexOf(mark, limit - mark.length());
      if (at >= floor) {
        return at + mark.length();
      }
    }
    return limit;
  }

  /** A word start at or after {@code from}, before {@code limit}; {@code from} if there is none. */
  private static int breakAfter(String text, int from, int limit) {
    for (int i = from; i < limit; i++) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return from;
  }

  private static int skipSpace(String text, int from) {
    int i = from;
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
