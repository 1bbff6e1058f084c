package dev.forgeflow.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The fake model server ({@link SixFileModel} behind the agents' {@code FakeLlmServer}, with a
 * fixed latency) running as a child process of the benchmark, started from the benchmark's own
 * classpath with the same Java.
 */
final class ModelServer implements AutoCloseable {
  static final String READY = "listening ";
  private final Process process;
  private final String baseUrl;

  private ModelServer(Process process, String baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  static ModelServer start(Duration latency) throws IOException {
    Process process =
        new ProcessBuilder(command(latency)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader out =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line = out.readLine();
    if (line == null || !line.startsWith(READY)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "the fake model server did not start (it said: " + line + ")");
    }
    Thread drain = new Thread(() -> discard(out), "fake-model-server-output");
    drain.setDaemon(true);
    drain.start();
    return new ModelServer(process, line.substring(READY.length()).strip());
  }

  private static void discard(BufferedReader out) {
    try {
      while (out.readLine() != null) {
        // nothing more is expected; read so the server never blocks on a full pipe
      }
    } catch (IOException gone) {
      // the server has ended
    }
  }

  /**
   * Java with this process's classpath: from the benchmark's executable jar through Spring Boot's
   * launcher, else (tests, an IDE) the plain classpath.
   */
  private static List<String> command(Duration latency) {
    String java =
        ProcessHandle.current()
            .info()
            .command()
            .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String classpath = System.getProperty("java.class.path");
    List<String> command = new ArrayList<>(List.of(java, "-Xmx512m"));
    if (ModelServer.class.getClassLoader() == ClassLoader.getSystemClassLoader()) {
      command.addAll(List.of("-cp", classpath, ModelServerMain.class.getName()));
    } else {
      command.addAll(
          List.of(
              "-Dloader.main=" + ModelServerMain.class.getName(),
              "-cp",
              classpath,
              "org.springframework.boot.loader.launch.PropertiesLauncher"));
    }
    command.add(Long.toString(latency.toMillis()));
    return command;
  }

  /** The base URL to configure, ending in {@code /v1}. */
  String baseUrl() {
    return baseUrl;
  }

  /** The server's process id, to tell it from the worker. */
  long pid() {
    return process.pid();
  }

  @Override
  public void close() {
    try {
      process.getOutputStream().close();
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (IOException e) {
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }
}
