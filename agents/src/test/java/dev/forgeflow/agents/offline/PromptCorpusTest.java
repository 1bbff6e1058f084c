package dev.forgeflow.agents.offline;

import static dev.forgeflow.agents.offline.SamplePrompts.describe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reads a corpus of differently written descriptions (prompt-corpus.txt) and asserts exactly the
 * resources, fields and types read from each, and refuses those of prompt-refusals.txt.
 */
class PromptCorpusTest {
  private final PromptReader reader = new PromptReader();

  /** One description and what must come of it. */
  record Case(String name, String text, String verdict, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Arguments> readable() {
    return cases("prompt-corpus.txt").stream().map(c -> Arguments.of(c.name(), c));
  }

  static Stream<Arguments> refused() {
    return cases("prompt-refusals.txt").stream().map(c -> Arguments.of(c.name(), c));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("readable")
  void readsExactlyTheResourcesFieldsAndTypes(String name, Case c) {
    PromptReading reading = reader.read(c.text());

    assertThat(describe(reading.entities())).containsExactlyElementsOf(c.expected());
    String project = c.verdict().substring("reads".length()).strip();
    if (!project.isEmpty()) {
      assertThat(reading.projectName()).isEqualTo(project);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusesWithAMessageSayingWhatItUnderstood(String name, Case c) {
    var refusal =
        assertThatThrownBy(() -> reader.read(c.text()))
            .isInstanceOf(PromptNotUnderstoodException.class)
            .hasMessageContaining("FORGEFLOW_LLM_BASE_URL");
    c.expected().forEach(refusal::hasMessageContaining);
  }

  @Test
  void theCorpusHasAtLeastFiftyDescriptionsAndTenRefusals() {
    assertThat(cases("prompt-corpus.txt")).hasSizeGreaterThanOrEqualTo(50);
    assertThat(cases("prompt-refusals.txt")).hasSizeGreaterThanOrEqualTo(10);
    assertThat(cases("prompt-corpus.txt")).allMatch(c -> c.verdict().startsWith("reads"));
    assertThat(cases("prompt-refusals.txt")).allMatch(c -> c.verdict().equals("refuses"));
  }

  @Test
  void everyCorpusDescriptionReadsTheSameTwice() {
    for (Case c : cases("prompt-corpus.txt")) {
      assertThat(reader.read(c.text())).isEqualTo(reader.read(c.text()));
    }
  }

  /** The cases of a corpus file: "=== name", the text, "--- verdict", the expected lines. */
  static List<Case> cases(String file) {
    List<Case> cases = new ArrayList<>();
    String name = null;
    String verdict = null;
    List<String> text = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (String line :
        ClasspathText.read("/dev/forgeflow/agents/offline/" + file).split("\n", -1)) {
      if (line.startsWith("=== ")) {
        add(cases, name, text, verdict, expected);
        name = line.substring(4).strip();
        verdict = null;
        text = new ArrayList<>();
        expected = new ArrayList<>();
      } else if (name != null && verdict == null && line.startsWith("--- ")) {
        verdict = line.substring(4).strip();
      } else if (name != null && verdict == null) {
        text.add(line);
      } else if (name != null && !line.isBlank()) {
        expected.add(line);
      }
    }
    add(cases, name, text, verdict, expected);
    return cases;
  }

  private static void add(
      List<Case> cases, String name, List<String> text, String verdict, List<String> expected) {
    if (name != null) {
      cases.add(new Case(name, String.join("\n", text).strip(), verdict, List.copyOf(expected)));
    }
  }
}
