package dev.forgeflow.gateway;

import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * BlockHound, installed once per test JVM before any gateway starts: a blocking call (JDBC, a
 * Temporal call, file I/O, a sleep) made on a non-blocking thread — the event loop, a parallel
 * scheduler — is recorded, and {@link #assertNone} fails the test that caused it. It does not throw
 * into the gateway, so a violation cannot hide behind a 500.
 */
final class NonBlocking {

  private static final List<String> VIOLATIONS = new CopyOnWriteArrayList<>();
  private static boolean installed;

  private NonBlocking() {}

  static synchronized void install() {
    if (installed) {
      return;
    }
    BlockHound.Builder builder = BlockHound.builder();
    // Reactor's and Netty's own integrations: which threads are non-blocking, what they may do.
    ServiceLoader.load(BlockHoundIntegration.class).forEach(builder::with);
    builder
        // Logging to the console or a file is the test run's own, not the gateway's design.
        .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "writeBytes")
        .allowBlockingCallsInside("ch.qos.logback.core.OutputStreamAppender", "subAppend")
        // Loading a class or a message bundle reads its jar once; later uses are cached.
        .allowBlockingCallsInside("java.lang.ClassLoader", "loadClass")
        .allowBlockingCallsInside("java.util.ResourceBundle", "getBundleImpl")
        // springdoc builds the OpenAPI document once, at start-up, under a lock a first request
        // may wait on
        .allowBlockingCallsInside("org.springdoc.api.AbstractOpenApiResource", "getOpenApi")
        // Random UUIDs read the OS's entropy pool once, at the first call.
        .allowBlockingCallsInside("java.util.UUID", "randomUUID")
        // Cancelling a periodic task (a heartbeat's Flux.interval when its stream ends) removes it
        // from the scheduler's queue under that queue's short lock. Reactor's own integration
        // allows the same for its one-shot tasks (SchedulerTask, WorkerTask) but not yet for the
        // periodic ones.
        .allowBlockingCallsInside("reactor.core.scheduler.PeriodicWorkerTask", "dispose")
        .allowBlockingCallsInside("reactor.core.scheduler.InstantPeriodicWorkerTask", "dispose")
        .allowBlockingCallsInside("reactor.core.scheduler.PeriodicSchedulerTask", "dispose")
        .blockingMethodCallback(
            method -> {
              StringBuilder where = new StringBuilder(method.toString());
              StackTraceElement[] frames = new Throwable().getStackTrace();
              for (int i = 3; i < Math.min(frames.length, 30); i++) {
                where.append("\n    at ").append(frames[i]);
              }
              VIOLATIONS.add(Thread.currentThread().getName() + ": " + where);
            })
        .install();
    installed = true;
  }

  /** Fails if any blocking call happened on a non-blocking thread since the last check. */
  static void assertNone() {
    if (!VIOLATIONS.isEmpty()) {
      List<String> seen = List.copyOf(VIOLATIONS);
      VIOLATIONS.clear();
      throw new AssertionError(
          "Blocking calls on non-blocking threads:\n" + String.join("\n", seen));
    }
  }
}
