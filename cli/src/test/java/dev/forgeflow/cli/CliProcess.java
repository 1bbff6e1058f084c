package dev.forgeflow.cli;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged {@code forgeflow} jar run as a real process, its output collected as it comes. */
final class CliProcess implements AutoCloseable {
  private static final Path JAR = Path.of("target", "forgeflow.jar").toAbsolutePath();

  /**
   * The CLI starts with INT, TERM and HUP at their default disposition, as the {@code forgeflow}
   * launcher starts it, whatever the build inherited: a build started as a background job has
   * SIGINT ignored, and a JVM started with it ignored never sees Ctrl-C.
   */
  private static final List<String> DEFAULT_SIGNALS = defaultSignals();

  static final String TEMPORAL_CLI = "FORGEFLOW_TEMPORAL_CLI";

  private final Process process;
  private final StringBuffer output = new StringBuffer();

  private CliProcess(Process process) {
    this.process = process;
    Thread reader = new Thread(this::drain, "cli-output");
    reader.setDaemon(true);
    reader.start();
  }

  static CliProcess start(Path workDir, Map<String, String> env, String... args)
      throws IOException {
    if (!Files.exists(JAR)) {
      throw new IllegalStateException(JAR + " is missing: run the tests with 'mvn verify'");
    }
    List<String> command = new ArrayList<>(DEFAULT_SIGNALS);
    command.addAll(List.of(javaBin(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    builder.redirectErrorStream(true);
    // The test's own settings only, but the Temporal CLI scripts/test installed stays known, so
    // each CLI's local dev server starts from it instead of installing one per data dir.
    builder
        .environment()
        .keySet()
        .removeIf(k -> k.startsWith("FORGEFLOW_") && !k.equals(TEMPORAL_CLI));
    builder.environment().putAll(env);
    return new CliProcess(builder.start());
  }

  private static List<String> defaultSignals() {
    List<String> env = List.of("env", "--default-signal=INT,TERM,HUP");
    try {
      Process probe = new ProcessBuilder(concat(env, List.of("true"))).start();
      return probe.waitFor() == 0 ? env : List.of();
    } catch (IOException e) {
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  private static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  private void drain() {
    try (InputStreamReader in =
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)) {
      char[] buffer = new char[4096];
      int read;
      while ((read = in.read(buffer)) != -1) {
        output.append(buffer, 0, read);
      }
    } catch (IOException ignored) {
      // the process ended
    }
  }

  void type(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  void awaitOutput(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    boolean alive = true;
    while (alive && System.nanoTime() < deadline) {
      alive = process.isAlive();
      if (output.toString().contains(text)) {
        return;
      }
      Thread.sleep(alive ? 50 : 300);
    }
    if (!output.toString().contains(text)) {
      throw new AssertionError("no '" + text + "' in the output:\n" + output);
    }
  }

  void interrupt() throws IOException, InterruptedException {
    signal("INT");
  }

  void terminate() throws IOException, InterruptedException {
    signal("TERM");
  }

  private void signal(String name) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start().waitFor();
  }

  /** Kills the process with SIGKILL, as a crash would: no shutdown hook runs. */
  void kill9() throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-KILL", String.valueOf(process.pid()))
        .inheritIO()
        .start()
        .waitFor();
    process.waitFor();
  }

  int exitCode(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the CLI did not finish in " + timeout + "; output:\n" + output);
    }
    Thread.sleep(100);
    return process.exitValue();
  }

  String output() {
    return output.toString();
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
