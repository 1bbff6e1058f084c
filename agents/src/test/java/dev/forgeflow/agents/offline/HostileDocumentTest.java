package dev.forgeflow.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Documents of about 1 MB built to make a backtracking reader take forever: each must be read or
 * refused within a few seconds.
 */
class HostileDocumentTest {
  private static final int SIZE = 1 << 20;

  static Stream<Arguments> documents() {
    return Stream.of(
        hostile("one long word", i -> "a"),
        hostile("one long run of spaces between two words", i -> i == 0 ? "a " : " "),
        hostile("opening parentheses", i -> "("),
        hostile("nested parentheses", i -> i < SIZE / 2 ? "(" : ")"),
        hostile("names before empty groups", i -> "a("),
        hostile("declarations in parentheses", i -> "things" + i + " (title, done: bool) "),
        hostile("a group of a million items", i -> i == 0 ? "books (" : "x, "),
        hostile("with after with", i -> "books with "),
        hostile("commas and ands", i -> ", and "),
        hostile("colons", i -> ":"),
        hostile("a long field list on one line", i -> i == 0 ? "books: " : "title, "),
        hostile("dashes", i -> "- "),
        hostile("bullets", i -> "- x\n"),
        hostile("a staircase of bullets", i -> " ".repeat(i % 700) + "- x\n"),
        hostile("headings", i -> "# a\n"),
        hostile("hashes", i -> "#"),
        hostile("pipes", i -> "|"),
        hostile("table rows", i -> "| field | type |\n|---|---|\n"),
        hostile("tables without names", i -> "| x | y |\n"),
        hostile("stars", i -> "*"),
        hostile("underscores", i -> "_"),
        hostile("question marks and pipes", i -> "a?| none "),
        hostile("periods and semicolons", i -> ".;"),
        hostile("linking words", i -> "with the following fields: "),
        hostile("optional markers", i -> "optional "),
        hostile("unicode dashes", i -> "a \u2014 "),
        hostile(
            "a real document repeated",
            i ->
                "## Books"
                    + i
                    + "\nSome prose, with (parentheses) and: colons.\n- title: string\n"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  @Timeout(value = 20, unit = TimeUnit.SECONDS)
  void aMegabyteOfHostileTextIsReadOrRefused(String name, String document) {
    assertThat(document.length()).isGreaterThanOrEqualTo(SIZE);
    readOrRefuse("Build the API described in the attached spec", List.of(document));
    readOrRefuse(document, List.of());
  }

  private static void readOrRefuse(String prompt, List<String> documents) {
    try {
      assertThat(new PromptReader().read(prompt, documents).entities()).isNotEmpty();
    } catch (PromptNotUnderstoodException refused) {
      assertThat(refused.getMessage()).contains("FORGEFLOW_LLM_BASE_URL");
    }
  }

  private static Arguments hostile(String name, IntFunction<String> piece) {
    StringBuilder text = new StringBuilder(SIZE + 100);
    for (int i = 0; text.length() < SIZE; i++) {
      text.append(piece.apply(i));
    }
    return Arguments.of(name, text.toString());
  }
}
