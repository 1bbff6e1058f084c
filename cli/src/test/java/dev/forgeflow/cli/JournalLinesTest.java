package dev.forgeflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.journal.Fact;
import dev.forgeflow.workflows.journal.Facts;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Stored events, as the catalogue writes them, read back into the lines the terminal shows. */
class JournalLinesTest {
  private final ByteArrayOutputStream shown = new ByteArrayOutputStream();
  private final Terminal terminal =
      new Terminal(
          new PrintStream(shown, true, StandardCharsets.UTF_8),
          new BufferedReader(new StringReader("")));

  @Test
  void catalogueEventsPrintTheirLines() {
    ProgressPrinter printer = new ProgressPrinter(terminal);

    printer.print(stored(new Fact.StageStarted("IMPLEMENTATION", 0)));
    printer.print(stored(new Fact.CodeFile("app/main.py", "ab", 120, "CREATE", 0)));
    printer.print(stored(new Fact.ApprovalDecided(false, "split the models")));
    printer.print(stored(new Fact.DeployLog("shop", List.of("started"), null, null)));
    printer.print(stored(new Fact.SandboxPlaced("docker-1", null)));
    printer.print(stored(new Fact.SandboxPlaced("docker-2", "docker-1")));

    assertThat(text())
        .contains("▸ implementation")
        .contains("wrote app/main.py (120 bytes)")
        .contains("changes requested: split the models")
        .contains("sandbox host: docker-1")
        .contains("sandbox moved to host docker-2 (docker-1 stopped answering)")
        .doesNotContain("started");
  }

  @Test
  void theRunsEndReadsAsItsRecordIntoTheSummary() {
    Fact.RunCompleted completed =
        new Fact.RunCompleted(
            "APPROVED",
            "approved in review round 1",
            1,
            6,
            1,
            "b-1",
            null,
            "shop",
            0,
            1200,
            300,
            0.0123,
            4200);
    String stored = Facts.json(completed).replace("}", ",\"attempt\":1}");

    new Summary(terminal).print("run-9", Facts.read(Fact.RunCompleted.class, stored), null);

    assertThat(text())
        .contains("project  shop")
        .contains("verdict  APPROVED — approved in review round 1")
        .contains("files    6 (bundle v1)")
        .contains("usage    1,500 tokens, $0.0123")
        .contains("elapsed  4.2 s")
        .doesNotContain("deployed");
  }

  private static JournalEvent stored(Fact fact) {
    return new JournalEvent(
        "run-9", 1, fact.eventType(), Facts.json(fact), 1, OffsetDateTime.now());
  }

  private String text() {
    return shown.toString(StandardCharsets.UTF_8);
  }
}
