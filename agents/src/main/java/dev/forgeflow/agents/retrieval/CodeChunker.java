package dev.forgeflow.agents.retrieval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a source file into passages by line: each starts at a top-level definition (a {@code def},
 * {@code class} or decorator at column 0) where there is one, a run of only a few lines (imports,
 * constants) is merged with what follows, and a definition longer than {@code maxLines} is cut into
 * windows overlapping by a few lines. Each passage knows its first and last line (1-based,
 * inclusive).
 */
public final class CodeChunker {

  /** A passage and its line range. */
  public record Lines(int startLine, int endLine, String text) {}

  private final int maxLines;
  private final int overlap;

  public CodeChunker(int maxLines, int overlap) {
    if (maxLines < 4 || overlap < 0 || overlap >= maxLines / 2) {
      throw new IllegalArgumentException("maxLines >= 4 and 0 <= overlap < maxLines / 2");
    }
    this.maxLines = maxLines;
    this.overlap = overlap;
  }

  /** Passages of at most 40 lines, windows overlapping by 5. */
  public static CodeChunker standard() {
    return new CodeChunker(40, 5);
  }

  public List<Lines> split(String source) {
    String[] lines = source.replace("\r\n", "\n").split("\n", -1);
    int count = lines.length;
    if (count > 0 && lines[count - 1].isEmpty()) {
      count--;
    }
    List<int[]> blocks = blocks(lines, count);
    List<Lines> pieces = new ArrayList<>();
    int start = -1;
    int end = -1;
    for (int[] block : blocks) {
      // a definition is a passage of its own once what came before it is a few lines long
      if (start >= 0 && (end - start >= maxLines / 5 || block[1] - start > maxLines)) {
        emit(lines, start, end, pieces);
        start = -1;
      }
      if (start < 0) {
        start = block[0];
      }
      end = block[1];
    }
    if (start >= 0) {
      emit(lines, start, end, pieces);
    }
    return pieces;
  }

  /**
   * Runs of lines [start, end) that each begin at a top-level definition (or the file's top); a
   * decorated definition begins at its first decorator.
   */
  private static List<int[]> blocks(String[] lines, int count) {
    List<int[]> blocks = new ArrayList<>();
    int start = 0;
    for (int i = 1; i < count; i++) {
      if (topLevel(lines[i]) && !decorator(lines[i - 1])) {
        blocks.add(new int[] {start, i});
        start = i;
      }
    }
    if (start < count) {
      blocks.add(new int[] {start, count});
    }
    return blocks;
  }

  private static boolean decorator(String line) {
    return line.startsWith("@");
  }

  private static boolean topLevel(String line) {
    return line.startsWith("def ")
        || line.startsWith("async def ")
        || line.startsWith("class ")
        || line.startsWith("@");
  }

  /** Emits lines [start, end), as windows when longer than the maximum; blank ones are skipped. */
  private void emit(String[] lines, int start, int end, List<Lines> pieces) {
    int from = start;
    while (from < end) {
      int to = Math.min(end, from + maxLines);
      String text = String.join("\n", Arrays.copyOfRange(lines, from, to));
      if (!text.isBlank()) {
        pieces.add(new Lines(from + 1, to, text));
      }
      if (to >= end) {
        break;
      }
      from = to - overlap;
    }
  }
}
