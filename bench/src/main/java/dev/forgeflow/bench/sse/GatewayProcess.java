package dev.forgeflow.bench.sse;

import dev.forgeflow.gateway.GatewayApplication;
import dev.forgeflow.store.EmbeddedDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway in a JVM of its own, on the gateway module's own runtime classpath, on a free port of
 * 127.0.0.1 over the benchmark's database, with its default settings. Its output goes to a log
 * file. Its heap is read with {@code jcmd}, so the benchmark's client never counts in it.
 */
final class GatewayProcess implements AutoCloseable {

  private static final long START_MILLIS = 90_000;
  private static final long QUIET_WINDOW_MILLIS = 1_000;

  private final Process process;
  private final Path log;
  private final int port;

  private GatewayProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /**
   * Starts the gateway and waits until it listens.
   *
   * @param heap the gateway JVM's {@code -Xmx}, such as {@code 512m}
   * @param log where its output goes
   * @throws IllegalStateException if it does not start; the message ends with its log's last lines
   */
  static GatewayProcess start(String classpath, String heap, EmbeddedDatabase database, Path log)
      throws IOException, InterruptedException {
    Files.createDirectories(log.toAbsolutePath().getParent());
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(command(classpath, heap, database, port))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(name -> name.startsWith("FORGEFLOW_") || name.startsWith("SPRING_"));
    env.remove("JAVA_TOOL_OPTIONS");
    env.put("FORGEFLOW_GATEWAY_DATABASE_PASSWORD", database.password());
    Process process = builder.start();
    // Should this JVM be stopped before closing it, the gateway goes with it.
    Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    GatewayProcess gateway = new GatewayProcess(process, log, port);
    gateway.awaitLive();
    return gateway;
  }

  /** A port of 127.0.0.1 free now; the gateway binds it a moment later. */
  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static List<String> command(
      String classpath, String heap, EmbeddedDatabase database, int port) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return List.of(
        java,
        "-Xmx" + heap,
        "-XX:+UseG1GC",
        "-Dorg.jooq.no-logo=true",
        "-Dorg.jooq.no-tips=true",
        "-cp",
        classpath,
        GatewayApplication.class.getName(),
        "--server.address=127.0.0.1",
        "--server.port=" + port,
        "--forgeflow.gateway.database.url=" + database.jdbcUrl(),
        "--forgeflow.gateway.database.user=" + database.user(),
        // /actuator/health/liveness: the baseline's route, an in-memory state with no checks.
        "--management.endpoint.health.probes.enabled=true");
  }

  /** Waits until the baseline route answers 200. */
  private void awaitLive() throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest live = HttpRequest.newBuilder(URI.create(baseUrl() + LevelRun.BASELINE)).build();
    long deadline = System.currentTimeMillis() + START_MILLIS;
    while (System.currentTimeMillis() < deadline && process.isAlive()) {
      try {
        if (http.send(live, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    process.destroyForcibly();
    throw new IllegalStateException("the gateway did not start; its log ends:\n" + tail(log));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  long pid() {
    return process.pid();
  }

  /**
   * Waits until the gateway has been nearly idle (under 5 % of a core) for a second, as its JIT
   * compiler goes on compiling for a while after a warm-up; at most {@code patience}.
   *
   * @return whether it became quiet in time
   */
  boolean awaitQuiet(Duration patience) throws InterruptedException {
    long deadline = System.nanoTime() + patience.toNanos();
    long before = cpuMillis();
    while (System.nanoTime() < deadline) {
      Thread.sleep(QUIET_WINDOW_MILLIS);
      long now = cpuMillis();
      if (now - before < QUIET_WINDOW_MILLIS / 20) {
        return true;
      }
      before = now;
    }
    return false;
  }

  private long cpuMillis() {
    return process.info().totalCpuDuration().map(Duration::toMillis).orElse(0L);
  }

  /** Its live heap, by class, after a full collection (which stops it for a moment). */
  HeapHistogram liveHeap() throws IOException, InterruptedException {
    return HeapHistogram.of(process.pid());
  }

  private static String tail(Path log) throws IOException {
    List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
  }

  /** Stops it as a container would (SIGTERM), forcibly after 20 s. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
