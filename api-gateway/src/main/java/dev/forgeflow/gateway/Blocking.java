package dev.forgeflow.gateway;

import java.util.concurrent.Callable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/** Runs blocking calls (JDBC, the Temporal client) on their own threads, never the event loop. */
final class Blocking {

  private final Scheduler scheduler;

  Blocking(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  Scheduler scheduler() {
    return scheduler;
  }

  <T> Mono<T> call(Callable<T> blockingCall) {
    return Mono.fromCallable(blockingCall).subscribeOn(scheduler);
  }

  /** Like {@link #call}, but runs to its end when the request is cancelled (audited actions). */
  <T> Mono<T> audited(Callable<T> blockingCall) {
    return AuditTrail.toTheEnd(scheduler, blockingCall);
  }

  Mono<Void> run(Runnable blockingCall) {
    return Mono.<Void>fromRunnable(blockingCall).subscribeOn(scheduler);
  }
}
