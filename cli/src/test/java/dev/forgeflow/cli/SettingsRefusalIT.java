package dev.forgeflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code forgeflow serve} and {@code forgeflow run} (local mode) with a wrong or mistyped setting:
 * one line on standard error, exit code 2, nothing started.
 */
class SettingsRefusalIT {
  private static final Path JAR = Path.of("target", "forgeflow.jar").toAbsolutePath();

  @TempDir Path work;

  private record Ended(int exit, String out, String err) {}

  @Test
  void serveWithAWrongValueSaysSoInOneLine() throws Exception {
    Ended ended = forgeflow(Map.of("FORGEFLOW_LLM_TIMEOUT_SECONDS", "abc"), "serve", "--port", "0");

    assertThat(ended.exit()).isEqualTo(2);
    assertThat(ended.err())
        .isEqualTo(
            "forgeflow: FORGEFLOW_LLM_TIMEOUT_SECONDS=abc: not a whole number; expected seconds"
                + " between 1 and 600, such as 60\n");
    assertThat(ended.out() + ended.err())
        .doesNotContain("Exception")
        .doesNotContain("at dev.forgeflow");
    assertThat(work.resolve("data")).doesNotExist();
  }

  @Test
  void runWithAMistypedVariableNamesTheSettingMeantAndHidesKeys() throws Exception {
    Ended ended =
        forgeflow(
            Map.of("FORGEFLOW_LLM_MODLE", "gpt-4o", "FORGEFLOW_LLM_API_KEY", "sk-abcdef123456"),
            "run",
            "a todo service with todos (title, done: bool)");

    assertThat(ended.exit()).isEqualTo(2);
    assertThat(ended.err())
        .isEqualTo(
            "forgeflow: FORGEFLOW_LLM_MODLE: not a Forgeflow setting; did you mean"
                + " FORGEFLOW_LLM_MODEL?\n");
    assertThat(ended.out() + ended.err()).doesNotContain("sk-abcdef").doesNotContain("Exception");
  }

  private Ended forgeflow(Map<String, String> env, String... args) throws Exception {
    Path out = work.resolve("out.txt");
    Path err = work.resolve("err.txt");
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(work.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    builder.environment().keySet().removeIf(k -> k.startsWith("FORGEFLOW_"));
    builder.environment().put("FORGEFLOW_DATA_DIR", work.resolve("data").toString());
    builder.environment().putAll(env);
    Process process = builder.start();
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("forgeflow did not stop");
    }
    return new Ended(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
