package dev.forgeflow.orchestrator.temporal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real Temporal server of local mode: {@code temporal server start-dev} on 127.0.0.1 with its
 * SQLite database in {@code <data dir>/temporal/temporal.db}, so runs survive a restart of
 * Forgeflow. The server runs in a session of its own (an interrupt meant for the CLI must not take
 * it down while a run is being cancelled); its pid and ports are kept beside the database, so a
 * server left behind by a killed Forgeflow is reused by the next start. Closing stops it.
 */
public final class LocalTemporalServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(LocalTemporalServer.class);
  static final String STATE_FILE = "server.properties";
  private static final Duration START_UP = Duration.ofSeconds(60);

  private final Path dir;
  private final long pid;
  private final int port;
  private final int uiPort;

  private LocalTemporalServer(Path dir, long pid, int port, int uiPort) {
    this.dir = dir;
    this.pid = pid;
    this.port = port;
    this.uiPort = uiPort;
  }

  /** Where local mode keeps Temporal: {@code <data dir>/temporal}. */
  public static Path home(Path dataDir) {
    return dataDir.toAbsolutePath().normalize().resolve("temporal");
  }

  /**
   * The data dir's server: the one a previous start left running, or a new one of {@code cli}.
   *
   * @throws TemporalUnavailable saying why, when the server does not answer in time
   */
  public static LocalTemporalServer startOrReuse(Path dataDir, Path cli, String namespace) {
    Path dir = home(dataDir);
    Optional<LocalTemporalServer> running = reuse(dir);
    if (running.isPresent()) {
      LOG.info("reusing the Temporal dev server on 127.0.0.1:{}", running.get().port);
      return running.get();
    }
    try {
      Files.createDirectories(dir);
      int port = freePort();
      int uiPort = freePort();
      Process process = spawn(dir, cli, port, uiPort, namespace);
      LocalTemporalServer server = new LocalTemporalServer(dir, process.pid(), port, uiPort);
      if (!awaitPort(port, process)) {
        server.close();
        throw new TemporalUnavailable(
            "the Temporal dev server did not answer within "
                + START_UP.toSeconds()
                + "s (its log: "
                + dir.resolve("server.log")
                + ")");
      }
      server.remember();
      LOG.info("started the Temporal dev server on 127.0.0.1:{} (web {})", port, uiPort);
      return server;
    } catch (IOException e) {
      throw new TemporalUnavailable(
          "the Temporal dev server could not be started: " + e.getMessage());
    }
  }

  private static Process spawn(Path dir, Path cli, int port, int uiPort, String namespace)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "setsid",
                cli.toString(),
                "server",
                "start-dev",
                "--ip",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--ui-port",
                Integer.toString(uiPort),
                "--db-filename",
                dir.resolve("temporal.db").toString(),
                "--namespace",
                namespace,
                "--log-level",
                "warn"));
    SearchAttributeRegistry.devServerFlags()
        .forEach((name, type) -> command.addAll(List.of("--search-attribute", name + "=" + type)));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile()))
        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
        .start();
  }

  /** {@code host:port} of the server's frontend. */
  public String target() {
    return "127.0.0.1:" + port;
  }

  /** The base URL of Temporal Web. */
  public String webUrl() {
    return "http://127.0.0.1:" + uiPort;
  }

  /** Stops the server and forgets it; stopping one that is gone is fine. */
  @Override
  public void close() {
    ProcessHandle.of(pid)
        .ifPresent(
            process -> {
              process.destroy();
              try {
                process.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS);
              } catch (Exception stillThere) {
                process.destroyForcibly();
              }
            });
    try {
      Files.deleteIfExists(dir.resolve(STATE_FILE));
    } catch (IOException e) {
      LOG.warn("could not remove {}: {}", dir.resolve(STATE_FILE), e.getMessage());
    }
  }

  /** Stops a server a killed Forgeflow left running on the data dir, if there is one. */
  public static void stopLeftover(Path dataDir) {
    reuse(home(dataDir)).ifPresent(LocalTemporalServer::close);
  }

  private void remember() throws IOException {
    Properties state = new Properties();
    state.setProperty("pid", Long.toString(pid));
    state.setProperty("port", Integer.toString(port));
    state.setProperty("uiPort", Integer.toString(uiPort));
    Path file = dir.resolve(STATE_FILE);
    try (var out = Files.newBufferedWriter(file)) {
      state.store(out, "the Temporal dev server of this data dir");
    }
  }

  private static Optional<LocalTemporalServer> reuse(Path dir) {
    Path file = dir.resolve(STATE_FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try (var in = Files.newBufferedReader(file)) {
      Properties state = new Properties();
      state.load(in);
      long pid = Long.parseLong(state.getProperty("pid"));
      int port = Integer.parseInt(state.getProperty("port"));
      int uiPort = Integer.parseInt(state.getProperty("uiPort"));
      boolean ours =
          ProcessHandle.of(pid)
              .flatMap(p -> p.info().commandLine())
              .filter(line -> line.contains("start-dev") && line.contains(dir.toString()))
              .isPresent();
      return ours && answers(port)
          ? Optional.of(new LocalTemporalServer(dir, pid, port, uiPort))
          : Optional.empty();
    } catch (IOException | RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  private static boolean awaitPort(int port, Process process) {
    long deadline = System.nanoTime() + START_UP.toNanos();
    while (System.nanoTime() < deadline) {
      if (answers(port)) {
        return true;
      }
      if (!process.isAlive()) {
        return false;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
        throw new TemporalUnavailable("interrupted while the Temporal dev server started");
      }
    }
    return false;
  }

  private static boolean answers(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
