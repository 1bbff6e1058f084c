package dev.forgeflow.orchestrator.settings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.orchestrator.OrchestratorApplication;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real application, started as a process with a wrong setting, stops in one line. */
class SettingsRefusalIT {
  @TempDir Path dataDir;

  private record Ended(int exit, String out, String err) {}

  @Test
  void aWrongValueStopsStartUpWithOneLineOnStandardError() throws Exception {
    Ended ended = start(Map.of("FORGEFLOW_LLM_TIMEOUT_SECONDS", "abc"));

    assertThat(ended.exit()).isNotZero();
    assertThat(ended.err())
        .isEqualTo(
            "FORGEFLOW_LLM_TIMEOUT_SECONDS=abc: not a whole number; expected seconds between 1 and"
                + " 600, such as 60\n");
    assertThat(ended.out() + ended.err())
        .doesNotContain("Exception")
        .doesNotContain("at dev.forgeflow");
  }

  @Test
  void aMistypedVariableStopsStartUpNamingTheSettingMeant() throws Exception {
    Ended ended =
        start(Map.of("FORGEFLOW_LLM_MODLE", "gpt-4o", "FORGEFLOW_LLM_API_KEY", "sk-abcdef123456"));

    assertThat(ended.exit()).isNotZero();
    assertThat(ended.err())
        .isEqualTo(
            "FORGEFLOW_LLM_MODLE: not a Forgeflow setting; did you mean FORGEFLOW_LLM_MODEL?\n");
    assertThat(ended.out() + ended.err()).doesNotContain("sk-abcdef").doesNotContain("Exception");
  }

  private Ended start(Map<String, String> env) throws IOException, InterruptedException {
    Path out = dataDir.resolve("out.txt");
    Path err = dataDir.resolve("err.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp",
                    classPath(),
                    OrchestratorApplication.class.getName()))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("FORGEFLOW_"));
    builder.environment().put("FORGEFLOW_DATA_DIR", dataDir.resolve("data").toString());
    builder.environment().put("FORGEFLOW_SANDBOX", "off");
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the application did not stop");
    }
    return new Ended(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static String classPath() {
    String tests = System.getProperty("surefire.test.class.path");
    return tests != null && !tests.isBlank() ? tests : System.getProperty("java.class.path");
  }
}
