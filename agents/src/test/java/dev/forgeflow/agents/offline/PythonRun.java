package dev.forgeflow.agents.offline;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the test venv's python in a generated project directory, with a database of its own.
 *
 * @param exitCode the process's exit code
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
record PythonRun(int exitCode, String out, String err) {
  private static final long LIMIT_SECONDS = 300;

  /** The python of scripts/python-test-env; the test fails (never skips) when it is not given. */
  static String python() {
    String python =
        System.getProperty("FORGEFLOW_TEST_PYTHON", System.getenv("FORGEFLOW_TEST_PYTHON"));
    if (python == null || python.isBlank()) {
      fail(
          "FORGEFLOW_TEST_PYTHON is not set. Run scripts/python-test-env and pass the python path"
              + " it prints on its last line, as -DFORGEFLOW_TEST_PYTHON=... or in the environment.");
    }
    if (!Files.isExecutable(Path.of(python))) {
      fail("FORGEFLOW_TEST_PYTHON=" + python + " is not executable; run scripts/python-test-env");
    }
    return python;
  }

  static PythonRun in(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(python()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("python-out", ".txt");
    Path err = Files.createTempFile("python-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().put("DATABASE_URL", "sqlite:///" + dir.resolve("service.db"));
    builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      fail(String.join(" ", command) + " ran longer than " + LIMIT_SECONDS + "s in " + dir);
    }
    PythonRun run =
        new PythonRun(process.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return run;
  }

  String describe() {
    return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
  }
}
