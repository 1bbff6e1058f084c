package dev.forgeflow.store;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server: loopback only, data kept across restarts, one process per directory. */
class EmbeddedDatabaseIT {

  @TempDir Path dataDir;

  @Test
  void listensOnLoopbackAndKeepsItsDataAcrossRestarts() {
    String runId;
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
      Database.migrate(database.dataSource());
      runId = Stores.postgres(database.dataSource()).runs().create(new NewRun("kept", null));
    }
    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir)) {
      Database.migrate(restarted.dataSource());
      RunStore runs = Stores.postgres(restarted.dataSource()).runs();
      assertThat(runs.find(runId).map(RunRecord::prompt)).contains("kept");
    }
  }

  @Test
  void aSecondStartOnADirectoryInUseFailsSayingSo() {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use")
          .hasMessageContaining(dataDir.toAbsolutePath().toString());
      Database.migrate(database.dataSource());
    }
  }

  @Test
  void anotherProcessKeepsTheDirectoryUntilItDiesAndItsDataSurvives() throws Exception {
    Process holder = startHolder();
    try {
      String runId = readRunId(holder);

      assertThatThrownBy(() -> EmbeddedDatabase.start(dataDir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("in use by another running process");

      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
        RunStore runs = Stores.postgres(database.dataSource()).runs();
        assertThat(runs.find(runId).map(RunRecord::prompt)).contains("held");
      }
    } finally {
      holder.destroyForcibly();
    }
  }

  private Process startHolder() throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    return new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            HoldDataDirectory.class.getName(),
            dataDir.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static String readRunId(Process holder) throws IOException {
    BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), UTF_8));
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith("run ")) {
        return line.substring("run ".length());
      }
    }
    throw new AssertionError("The holding process ended before creating its run");
  }
}
