package dev.forgeflow.workflows.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Event types are named in one place: a string literal that looks like an event type ({@code
 * "kind.name"} with a kind the journal uses) in any module's main sources, outside the catalogue,
 * fails the build. Readers and writers use {@code Fact.X.TYPE}.
 */
class EventTypeLiteralsTest {
  private static final Path CATALOGUE =
      Path.of("workflows/src/main/java/dev/forgeflow/workflows/journal/Fact.java");

  /** Kinds of event besides the catalogue's own, so a new kind's first literal is caught too. */
  private static final Set<String> KINDS =
      Set.of(
          "run",
          "stage",
          "approval",
          "budget",
          "code",
          "review",
          "test",
          "deploy",
          "artifact",
          "llm",
          "server");

  /** Literals of that shape that name no event: each with the file it may appear in, and why. */
  private static final Set<String> NOT_EVENTS =
      Set.of(
          // the audit trail's actions: a catalogue of their own, never journalled
          "store/src/main/java/dev/forgeflow/store/audit/AuditAction.java:\"run.created\"",
          "store/src/main/java/dev/forgeflow/store/audit/AuditAction.java:\"run.cancelled\"",
          "store/src/main/java/dev/forgeflow/store/audit/AuditAction.java:\"run.approved\"",
          "store/src/main/java/dev/forgeflow/store/audit/AuditAction.java:\"run.changes_requested\"",
          "store/src/main/java/dev/forgeflow/store/audit/AuditAction.java:\"run.rejected\"",
          // the rule of a review issue for a failed check run
          "agents/src/main/java/dev/forgeflow/agents/review/TestFindings.java:\"test.failed\"",
          // the event webhooks receive when a run ends (not a journal event)
          "workflows/src/main/java/dev/forgeflow/workflows/webhooks/RunFinished.java:\"run.finished\"",
          // files of the local Temporal dev server
          "orchestrator/src/main/java/dev/forgeflow/orchestrator/temporal/"
              + "LocalTemporalServer.java:\"server.properties\"",
          "orchestrator/src/main/java/dev/forgeflow/orchestrator/temporal/"
              + "LocalTemporalServer.java:\"server.log\"");

  @Test
  void noMainSourceOutsideTheCatalogueSpellsAnEventType() throws IOException {
    Path root = reactorRoot();
    Pattern literal = eventTypeLiteral();
    List<String> found = new ArrayList<>();
    List<Path> trees = mainSourceTrees(root);
    assertThat(trees).as("modules' main sources under %s", root).hasSizeGreaterThanOrEqualTo(5);
    for (Path tree : trees) {
      try (Stream<Path> files = Files.walk(tree)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          Path relative = root.relativize(file);
          if (relative.equals(CATALOGUE)) {
            continue;
          }
          List<String> lines = Files.readAllLines(file);
          for (int n = 0; n < lines.size(); n++) {
            Matcher m = literal.matcher(lines.get(n));
            while (m.find()) {
              if (!NOT_EVENTS.contains(relative + ":" + m.group())) {
                found.add(relative + ":" + (n + 1) + " " + m.group());
              }
            }
          }
        }
      }
    }

    assertThat(found)
        .as("event types spelled outside the catalogue: use Fact.<Record>.TYPE instead")
        .isEmpty();
  }

  @Test
  void theScanRecognisesEveryCatalogueTypeAsAnEventTypeLiteral() {
    Pattern literal = eventTypeLiteral();

    for (String type : Facts.types().keySet()) {
      assertThat(literal.matcher("x = \"" + type + "\";").find()).as(type).isTrue();
    }
    assertThat(literal.matcher("\"server.started\"").find()).isTrue();
    assertThat(literal.matcher("\"app.main\" + \"run\"").find()).isFalse();
  }

  private static Pattern eventTypeLiteral() {
    Set<String> kinds = new TreeSet<>(KINDS);
    Facts.types().keySet().forEach(t -> kinds.add(t.substring(0, t.indexOf('.'))));
    return Pattern.compile("\"(" + String.join("|", kinds) + ")\\.[a-z_]+\"");
  }

  /** The Maven reactor this module is part of: the tests run in the module's directory. */
  private static Path reactorRoot() {
    Path module = Path.of("").toAbsolutePath();
    Path root = module.getParent();
    assertThat(root.resolve(CATALOGUE))
        .as("the catalogue, seen from the module directory %s", module)
        .exists();
    return root;
  }

  private static List<Path> mainSourceTrees(Path root) throws IOException {
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .map(m -> m.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .sorted()
          .collect(Collectors.toList());
    }
  }
}
