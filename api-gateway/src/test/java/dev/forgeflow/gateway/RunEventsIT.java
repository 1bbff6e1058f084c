package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.IssuedToken;
import dev.forgeflow.workflows.journal.Fact;
import io.micrometer.core.instrument.Gauge;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The gateway on a random port of 127.0.0.1, over an embedded PostgreSQL, read as a client would:
 * events appended to the journal arrive as Server-Sent Events, resume exactly, end with the run,
 * and only for the run's owner.
 */
class RunEventsIT {

  private static final Duration PATIENCE = RunningGateway.PATIENCE;
  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
      new ParameterizedTypeReference<>() {};

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static Stores stores;
  private static WebClient client;
  private static WebTestClient testClient;

  @BeforeAll
  static void startGateway() {
    gateway = RunningGateway.start(dataDir, "forgeflow.gateway.heartbeat=200ms");
    stores = gateway.stores;
    client = gateway.client;
    testClient = gateway.testClient;
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void journalEventsArriveInOrderWithSeqAsIdTypeAsEventAndPayloadAsData() {
    Owner owner = newOwner();
    String run = newRun(owner);
    stores.journal().append(run, Fact.RunStarted.TYPE, "{\"approvalGate\": false}", 1);
    stores.journal().append(run, Fact.StageStarted.TYPE, "{\"stage\": \"REQUIREMENTS\"}", 1);
    CompletableFuture<List<ServerSentEvent<String>>> received =
        events(run, owner.token(), null).collectList().toFuture();

    stores.journal().append(run, Fact.StageCompleted.TYPE, "{\"elapsedMs\": 5}", 1);
    stores.journal().append(run, Fact.RunCompleted.TYPE, "{}", 1);

    List<ServerSentEvent<String>> events = received.join();
    assertThat(events).extracting(ServerSentEvent::id).containsExactly("1", "2", "3", "4");
    assertThat(events)
        .extracting(ServerSentEvent::event)
        .containsExactly(
            Fact.RunStarted.TYPE,
            Fact.StageStarted.TYPE,
            Fact.StageCompleted.TYPE,
            Fact.RunCompleted.TYPE);
    assertThat(events.get(1).data()).contains("\"stage\"").contains("REQUIREMENTS");
  }

  @Test
  void theSubscriberGaugeCountsAStreamFromItsStartUntilItEndsOrItsClientLeaves() {
    Owner owner = newOwner();
    String ending = newRun(owner);
    String left = newRun(owner);
    appendStages(ending, 1);
    appendStages(left, 1);
    Gauge subscribers = gateway.meters().get(GatewayConfiguration.SSE_SUBSCRIBERS).gauge();
    double before = subscribers.value();

    Disposable endingStream = events(ending, owner.token(), null).subscribe();
    Disposable leftStream = events(left, owner.token(), null).subscribe();
    waitFor(() -> subscribers.value() == before + 2);
    stores.journal().append(ending, Fact.RunCompleted.TYPE, "{}", 1);
    waitFor(() -> subscribers.value() == before + 1);
    leftStream.dispose();
    waitFor(() -> subscribers.value() == before);

    assertThat(endingStream.isDisposed()).isTrue();
  }

  @Test
  void aClientThatDisconnectsAfterEventKResumesWithLastEventIdAndGetsTheRestExactlyOnce() {
    Owner owner = newOwner();
    String run = newRun(owner);
    appendStages(run, 10);

    List<String> first = ids(events(run, owner.token(), null).take(4).collectList().block());
    CompletableFuture<List<String>> rest =
        events(run, owner.token(), "4").map(ServerSentEvent::id).collectList().toFuture();
    appendStages(run, 5);
    stores.journal().append(run, Fact.RunFailed.TYPE, "{}", 1);

    assertThat(first).containsExactly("1", "2", "3", "4");
    assertThat(rest.join()).containsExactlyElementsOf(seqs(5, 16));
  }

  @Test
  void theLastEventIdQueryParameterResumesLikeTheHeader() {
    Owner owner = newOwner();
    String run = newRun(owner);
    appendStages(run, 3);
    stores.journal().append(run, Fact.RunCancelled.TYPE, "{}", 1);

    List<String> rest =
        client
            .get()
            .uri("/api/runs/{id}/events?lastEventId=2", run)
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
            .retrieve()
            .bodyToFlux(SSE)
            .filter(e -> e.id() != null)
            .map(ServerSentEvent::id)
            .collectList()
            .block(PATIENCE);

    assertThat(rest).containsExactly("3", "4");
  }

  @Test
  void anIdleStreamGetsHeartbeatCommentsUntilTheRunEnds() {
    Owner owner = newOwner();
    String run = newRun(owner);
    stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);
    List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done =
        stream(run, owner.token(), null).doOnNext(seen::add).then().toFuture();

    waitFor(() -> seen.stream().filter(e -> "heartbeat".equals(e.comment())).count() >= 3);
    stores.journal().append(run, Fact.RunCompleted.TYPE, "{}", 1);
    done.join();

    assertThat(seen.get(0).comment()).isEqualTo("connected");
    assertThat(seen.get(1).id()).isEqualTo("1");
    assertThat(seen.get(seen.size() - 1).event()).isEqualTo(Fact.RunCompleted.TYPE);
  }

  @Test
  void anotherUsersRunAndAMissingRunAreNotFoundProblems() {
    Owner owner = newOwner();
    Owner stranger = newOwner();
    String run = newRun(owner);
    stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);

    expectProblem(run, stranger.token(), null, 404);
    expectProblem("no-such-run", owner.token(), null, 404);
  }

  @Test
  void noTokenAnUnknownTokenAndARevokedTokenAreUnauthorizedProblems() {
    Owner owner = newOwner();
    String run = newRun(owner);
    IssuedToken revoked = stores.accounts().issueToken(owner.userId(), "revoked");
    stores.accounts().revokeToken(owner.userId(), revoked.token().id());

    testClient
        .get()
        .uri("/api/runs/{id}/events", run)
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectHeader()
        .valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401);
    expectProblem(run, "ffp_unknown", null, 401);
    expectProblem(run, revoked.secret(), null, 401);
  }

  @Test
  void aMalformedLastEventIdIsABadRequestProblem() {
    Owner owner = newOwner();
    String run = newRun(owner);
    stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);

    expectProblem(run, owner.token(), "abc", 400);
    expectProblem(run, owner.token(), "-1", 400);
    expectProblem(run, owner.token(), "1.5", 400);
    expectProblem(run, owner.token(), "99999999999999999999", 400);
  }

  @Test
  void aLastEventIdTheRunDoesNotHoldIsABadRequestProblem() {
    Owner owner = newOwner();
    String run = newRun(owner);
    appendStages(run, 2);

    expectProblem(run, owner.token(), "3", 400);
  }

  @Test
  void healthIsOpenWithoutAToken() {
    testClient
        .get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
  }

  @Test
  void twoHundredConcurrentSubscribersToOneRunEachGetEveryEventInOrder() {
    Owner owner = newOwner();
    String run = newRun(owner);
    stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);
    List<List<String>> received = new ArrayList<>();
    List<CompletableFuture<Void>> subscribers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      List<String> ids = new CopyOnWriteArrayList<>();
      received.add(ids);
      subscribers.add(
          events(run, owner.token(), null)
              .map(ServerSentEvent::id)
              .doOnNext(ids::add)
              .then()
              .toFuture());
    }
    // Every subscriber is connected and live before the rest of the run is journalled.
    waitFor(() -> received.stream().allMatch(ids -> !ids.isEmpty()));

    appendStages(run, 100);
    stores.journal().append(run, Fact.RunCompleted.TYPE, "{}", 1);

    CompletableFuture.allOf(subscribers.toArray(CompletableFuture[]::new))
        .orTimeout(PATIENCE.toSeconds(), TimeUnit.SECONDS)
        .join();
    for (List<String> ids : received) {
      assertThat(ids).containsExactlyElementsOf(seqs(1, 102));
    }
  }

  private void expectProblem(String run, String token, String lastEventId, int status) {
    testClient
        .get()
        .uri("/api/runs/{id}/events", run)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .headers(h -> setLastEventId(h, lastEventId))
        .accept(MediaType.TEXT_EVENT_STREAM)
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(status)
        .jsonPath("$.detail")
        .isNotEmpty()
        .jsonPath("$.trace")
        .doesNotExist();
  }

  /** The stream's events, heartbeats left out. */
  private static Flux<ServerSentEvent<String>> events(String run, String token, String lastId) {
    return stream(run, token, lastId).filter(e -> e.id() != null);
  }

  private static Flux<ServerSentEvent<String>> stream(String run, String token, String lastId) {
    return client
        .get()
        .uri("/api/runs/{id}/events", run)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .headers(h -> setLastEventId(h, lastId))
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(SSE)
        .timeout(PATIENCE);
  }

  private static void setLastEventId(HttpHeaders headers, String lastEventId) {
    if (lastEventId != null) {
      headers.set("Last-Event-ID", lastEventId);
    }
  }

  private static Owner newOwner() {
    return gateway.newOwner();
  }

  private static String newRun(Owner owner) {
    return gateway.newRun(owner);
  }

  private static void appendStages(String run, int count) {
    gateway.appendStages(run, count);
  }

  private static List<String> ids(List<ServerSentEvent<String>> events) {
    return events.stream().map(ServerSentEvent::id).toList();
  }

  private static List<String> seqs(long first, long last) {
    return LongStream.rangeClosed(first, last).mapToObj(Long::toString).toList();
  }

  private static void waitFor(java.util.function.BooleanSupplier condition) {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waited %s", PATIENCE).isLessThan(deadline);
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
