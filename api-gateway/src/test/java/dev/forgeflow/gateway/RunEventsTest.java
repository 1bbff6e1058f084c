package dev.forgeflow.gateway;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

class RunEventsTest {

  private static final Duration EVERY = Duration.ofSeconds(15);

  @Test
  void anIdleStreamGetsAHeartbeatEveryIntervalAndEndsWithItsEvents() {
    StepVerifier.withVirtualTime(
            () ->
                RunEvents.withHeartbeats(
                    Flux.just(event("1"), event("2")).delaySequence(Duration.ofSeconds(40)), EVERY))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(40))
        .expectNext(RunEvents.HEARTBEAT, RunEvents.HEARTBEAT)
        .expectNextMatches(e -> "1".equals(e.id()))
        .expectNextMatches(e -> "2".equals(e.id()))
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void aBusyStreamEndsWithoutWaitingForTheNextHeartbeat() {
    StepVerifier.withVirtualTime(() -> RunEvents.withHeartbeats(Flux.just(event("1")), EVERY))
        .expectNextMatches(e -> "1".equals(e.id()))
        .expectComplete()
        .verify(Duration.ofSeconds(5));
  }

  @Test
  void anErrorOfTheEventsEndsTheStreamWithIt() {
    StepVerifier.withVirtualTime(
            () ->
                RunEvents.withHeartbeats(
                    Flux.<ServerSentEvent<String>>error(new IllegalStateException("closed"))
                        .delaySubscription(Duration.ofSeconds(20)),
                    EVERY))
        .expectSubscription()
        .thenAwait(Duration.ofSeconds(20))
        .expectNext(RunEvents.HEARTBEAT)
        .expectError(IllegalStateException.class)
        .verify(Duration.ofSeconds(5));
  }

  private static ServerSentEvent<String> event(String id) {
    return ServerSentEvent.builder("{}").id(id).event("x").build();
  }
}
