package dev.forgeflow.workflows.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web UI listens for each event type by name (an {@code EventSource} delivers a named event
 * only to a listener for that name): its list, {@code EVENT_TYPES} in {@code
 * web/src/lib/events.ts}, must be the catalogue's, or a new event type would never reach the feed.
 */
class WebEventTypesTest {
  private static final Path EVENTS_TS = Path.of("web/src/lib/events.ts");

  @Test
  void theWebUiListensForEveryTypeOfTheCatalogueAndNoOther() throws IOException {
    Path root = Path.of("").toAbsolutePath().getParent();
    Path file = root.resolve(EVENTS_TS);
    assertThat(file).as("the web UI's event list, seen from %s", root).exists();
    String source = Files.readString(file);
    Matcher list =
        Pattern.compile("export const EVENT_TYPES = \\[(.*?)\\] as const", Pattern.DOTALL)
            .matcher(source);
    assertThat(list.find()).as("EVENT_TYPES in %s", file).isTrue();
    Set<String> listened = new TreeSet<>();
    Matcher literal = Pattern.compile("\"([a-z_]+\\.[a-z_.]+)\"").matcher(list.group(1));
    while (literal.find()) {
      listened.add(literal.group(1));
    }

    assertThat(listened).isEqualTo(new TreeSet<>(Facts.types().keySet()));
  }
}
