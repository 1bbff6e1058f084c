package dev.forgeflow.agents.retrieval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ChunkersTest {

  @Property(tries = 200)
  void passagesCoverTheTextInOrderAndEachIsFoundAtItsOffset(
      @ForAll @StringLength(max = 5000) String text) {
    List<TextChunker.Piece> pieces = TextChunker.standard().split(text);
    int previous = -1;
    for (TextChunker.Piece piece : pieces) {
      assertThat(piece.offset()).isGreaterThan(previous);
      assertThat(text.substring(piece.offset())).startsWith(piece.text());
      assertThat(piece.text().length()).isLessThanOrEqualTo(800);
      previous = piece.offset();
    }
    String covered = pieces.stream().map(TextChunker.Piece::text).collect(Collectors.joining());
    assertThat(visible(covered)).isGreaterThanOrEqualTo(visible(text));
  }

  /** Characters that are not whitespace by {@link Character#isWhitespace}. */
  private static long visible(String text) {
    return text.chars().filter(c -> !Character.isWhitespace(c)).count();
  }

  @Test
  void passagesOverlapAndBreakBetweenWords() {
    String text =
        IntStream.range(0, 300).mapToObj(i -> "word" + i).collect(Collectors.joining(" "));
    List<TextChunker.Piece> pieces = TextChunker.standard().split(text);

    assertThat(pieces).hasSizeGreaterThan(2);
    for (int i = 1; i < pieces.size(); i++) {
      TextChunker.Piece before = pieces.get(i - 1);
      TextChunker.Piece piece = pieces.get(i);
      assertThat(piece.offset()).isLessThan(before.offset() + before.text().length());
      assertThat(piece.text()).startsWith("word");
      assertThat(before.text()).matches(".*word\\d+$");
    }
  }

  @Test
  void codeIsCutAtTopLevelDefinitionsWithTheirLineRanges() {
    String source =
        String.join(
            "\n",
            "import x",
            "",
            "@router.get('/')",
            "def list_books():",
            "    return []",
            "",
            "class Book:",
            "    title: str",
            "");
    List<CodeChunker.Lines> pieces = new CodeChunker(4, 1).split(source);

    assertThat(pieces)
        .extracting(p -> p.startLine() + "-" + p.endLine())
        .containsExactly("1-2", "3-6", "7-8");
    assertThat(pieces.get(1).text()).startsWith("@router.get('/')\ndef list_books():");
  }

  @Test
  void longCodeIsCutIntoOverlappingWindows() {
    String source =
        IntStream.rangeClosed(1, 100)
            .mapToObj(i -> "x" + i + " = " + i)
            .collect(Collectors.joining("\n"));
    List<CodeChunker.Lines> pieces = CodeChunker.standard().split(source);

    assertThat(pieces)
        .extracting(p -> p.startLine() + "-" + p.endLine())
        .containsExactly("1-40", "36-75", "71-100");
    assertThat(pieces.get(1).text()).startsWith("x36 = 36").endsWith("x75 = 75");
  }
}
