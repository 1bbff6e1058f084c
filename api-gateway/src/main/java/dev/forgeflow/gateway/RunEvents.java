package dev.forgeflow.gateway;

import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunStore;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.feed.JournalFeed;
import dev.forgeflow.store.feed.SubscriberTooSlow;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
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

  private static final ServerSentEvent<String> HEARTBEAT =
      ServerSentEvent.<String>builder().comment("heartbeat").build();

  private final RunStore runs;
  private final JournalFeed feed;
  private final Scheduler blocking;
  private final Duration heartbeat;

  RunEvents(RunStore runs, JournalFeed feed, Scheduler blocking, Duration heartbeat) {
    this.runs = runs;
    this.feed = feed;
    this.blocking = blocking;
    this.heartbeat = heartbeat;
  }

  Mono<ServerResponse> stream(ServerRequest request) {
    String runId = request.pathVariable("id");
    User user = TokenAuthentication.user(request.exchange());
    ResumePoint resume =
        ResumePoint.of(
            request.headers().firstHeader("Last-Event-ID"),
            request.queryParam("lastEventId").orElse(null));
    if (resume instanceof ResumePoint.Malformed malformed) {
      return Mono.error(Problems.badRequest(malformed.reason()));
    }
    long afterSeq = ((ResumePoint.After) resume).seq();
    // Ownership is a JDBC read: off the event loop. Someone else's run is as missing as no run.
    return Mono.fromCallable(() -> runs.findOwned(user.id(), runId))
        .subscribeOn(blocking)
        .flatMap(
            owned ->
                owned.isEmpty()
                    ? Mono.error(Problems.notFound("No run " + runId))
                    : ServerResponse.ok()
                        .contentType(MediaType.TEXT_EVENT_STREAM)
                        .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .body(BodyInserters.fromServerSentEvents(events(runId, afterSeq))));
  }

  private Flux<ServerSentEvent<String>> events(String runId, long afterSeq) {
    Flux<ServerSentEvent<String>> journal =
        feed.events(runId, afterSeq)
            .map(RunEvents::toEvent)
            .onErrorMap(IllegalArgumentException.class, e -> noSuchEvent(afterSeq))
            .onErrorResume(SubscriberTooSlow.class, RunEvents::dropped);
    Flux<ServerSentEvent<String>> heartbeats =
        Flux.interval(heartbeat, heartbeat).map(tick -> HEARTBEAT).onBackpressureDrop();
    return journal.publish(
        events -> Flux.merge(events, heartbeats.takeUntilOther(events.ignoreElements())));
  }

  static ServerSentEvent<String> toEvent(JournalEvent event) {
    return ServerSentEvent.builder(event.payloadJson())
        .id(Long.toString(event.seq()))
        .event(event.type())
        .build();
  }

  private static Throwable noSuchEvent(long afterSeq) {
    return Problems.badRequest("Last-Event-ID " + afterSeq + " names no event of this run");
  }

  private static Flux<ServerSentEvent<String>> dropped(SubscriberTooSlow slow) {
    return Flux.just(
        ServerSentEvent.<String>builder()
            .comment(
                "too slow: reconnect with Last-Event-ID: " + slow.lastDeliveredSeq() + " to resume")
            .build());
  }
}
