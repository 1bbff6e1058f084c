package dev.forgeflow.gateway;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunJournal;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.feed.JournalFeed;
import dev.forgeflow.store.feed.SubscriberTooSlow;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * {@code GET /api/runs/{id}/events}: the owner's view of a run's journal as Server-Sent Events,
 * {@code id} = the event's seq, {@code event} = its type, {@code data} = its JSON payload. Resumes
 * exactly after {@code Last-Event-ID}, sends a heartbeat comment while idle, completes after the
 * run's end. A client the feed drops as too slow gets a closing comment and an ended stream, and
 * resumes by id like any reconnecting client.
 */
final class RunEvents {

  private static final ServerSentEvent<String> CONNECTED =
      ServerSentEvent.<String>builder().comment("connected").build();
  static final ServerSentEvent<String> HEARTBEAT =
      ServerSentEvent.<String>builder().comment("heartbeat").build();

  private final RunStore runs;
  private final RunJournal journal;
  private final JournalFeed feed;
  private final Scheduler blocking;
  private final Duration heartbeat;
  private final AtomicInteger subscribers = new AtomicInteger();

  RunEvents(
      RunStore runs, RunJournal journal, JournalFeed feed, Scheduler blocking, Duration heartbeat) {
    this.runs = runs;
    this.journal = journal;
    this.feed = feed;
    this.blocking = blocking;
    this.heartbeat = heartbeat;
  }

  Mono<ServerResponse> stream(ServerRequest request) {
    String runId = request.pathVariable("id");
    User user = Caller.user(request.exchange());
    ResumePoint resume =
        ResumePoint.of(
            request.headers().firstHeader("Last-Event-ID"),
            request.queryParam("lastEventId").orElse(null));
    if (resume instanceof ResumePoint.Malformed malformed) {
      return Mono.error(Problems.badRequest(malformed.reason()));
    }
    long afterSeq = ((ResumePoint.After) resume).seq();
    // Ownership and the resume point are JDBC reads: off the event loop.
    return Mono.fromCallable(() -> check(user, runId, afterSeq))
        .subscribeOn(blocking)
        .flatMap(
            failure ->
                failure.isPresent()
                    ? Mono.error(failure.get())
                    : ServerResponse.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .body(BodyInserters.fromServerSentEvents(events(runId, afterSeq))));
  }

  /**
   * Why the user may not follow the run from {@code afterSeq}, if they may not. Someone else's run
   * is as missing as no run. A seq the journal holds stays valid: the journal only grows.
   */
  private Optional<ErrorResponseException> check(User user, String runId, long afterSeq) {
    if (runs.findOwned(user.id(), runId).isEmpty()) {
      return Optional.of(Problems.notFound("No run " + runId));
    }
    if (afterSeq > 0 && journal.readAfter(runId, afterSeq - 1, 1).isEmpty()) {
      return Optional.of(
          Problems.badRequest("Last-Event-ID " + afterSeq + " names no event of run " + runId));
    }
    return Optional.empty();
  }

  /** The stream opens at once with a comment, so the client knows it is connected. */
  private Flux<ServerSentEvent<String>> events(String runId, long afterSeq) {
    Flux<ServerSentEvent<String>> journal =
        feed.events(runId, afterSeq)
            .map(RunEvents::toEvent)
            .onErrorResume(SubscriberTooSlow.class, RunEvents::dropped);
    return withHeartbeats(journal, heartbeat)
        .startWith(CONNECTED)
        .doOnSubscribe(subscription -> subscribers.incrementAndGet())
        .doFinally(signal -> subscribers.decrementAndGet());
  }

  /** Event streams open now: each counts from its subscription until it ends or is cancelled. */
  int subscribers() {
    return subscribers.get();
  }

  /** {@code events}, with a heartbeat comment every {@code interval}, ending when they end. */
  static Flux<ServerSentEvent<String>> withHeartbeats(
      Flux<ServerSentEvent<String>> events, Duration interval) {
    Flux<ServerSentEvent<String>> heartbeats =
        Flux.interval(interval, interval).map(tick -> HEARTBEAT).onBackpressureDrop();
    return events.publish(
        shared -> Flux.merge(shared, heartbeats.takeUntilOther(shared.ignoreElements())));
  }

  static ServerSentEvent<String> toEvent(JournalEvent event) {
    return ServerSentEvent.builder(event.payloadJson())
        .id(Long.toString(event.seq()))
        .event(event.type())
        .build();
  }

  private static Flux<ServerSentEvent<String>> dropped(SubscriberTooSlow slow) {
    return Flux.just(
        ServerSentEvent.<String>builder()
            .comment(
                "too slow: reconnect with Last-Event-ID: " + slow.lastDeliveredSeq() + " to resume")
            .build());
  }
}
