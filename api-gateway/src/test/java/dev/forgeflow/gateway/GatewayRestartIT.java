package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.workflows.journal.Fact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/**
 * A gateway restarted under 100 connected clients, while the run goes on writing its journal: each
 * client reconnects with the id of the last event it saw (as {@code EventSource} does) and ends
 * with every event once, in order.
 */
class GatewayRestartIT {

  private static final int CLIENTS = 100;
  private static final int EVENTS = 120;
  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
      new ParameterizedTypeReference<>() {};

  @TempDir static Path dataDir;
  private static RunningGateway gateway;

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(dataDir, "forgeflow.gateway.heartbeat=500ms");
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  /** One client: follows the run, and after a drop reconnects from the last id it saw. */
  private static final class Client {
    final List<Long> seen = new CopyOnWriteArrayList<>();
    final AtomicBoolean ended = new AtomicBoolean();
    int reconnects;

    void follow(String run, String token) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!ended.get() && System.nanoTime() < deadline) {
        long last = seen.isEmpty() ? 0 : seen.get(seen.size() - 1);
        try {
          gateway
              .client
              .get()
              .uri("/api/runs/{id}/events", run)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
              .header("Last-Event-ID", Long.toString(last))
              .accept(MediaType.TEXT_EVENT_STREAM)
              .retrieve()
              .bodyToFlux(SSE)
              .filter(event -> event.id() != null)
              .doOnNext(
                  event -> {
                    seen.add(Long.parseLong(event.id()));
                    if (Fact.RunCompleted.TYPE.equals(event.event())) {
                      ended.set(true);
                    }
                  })
              .blockLast(Duration.ofMinutes(1));
        } catch (RuntimeException dropped) {
          // the gateway went away: reconnect, as EventSource does
        }
        if (!ended.get()) {
          reconnects++;
          Thread.sleep(200);
        }
      }
    }
  }

  @Test
  void aRestartUnderAHundredClientsLosesAndDuplicatesNothing() throws Exception {
    Owner owner = gateway.newOwner();
    String run = gateway.newRun(owner);
    List<Client> clients = new ArrayList<>();
    List<CompletableFuture<Void>> following = new ArrayList<>();
    ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
    for (int i = 0; i < CLIENTS; i++) {
      Client client = new Client();
      clients.add(client);
      following.add(
          CompletableFuture.runAsync(
              () -> {
                try {
                  client.follow(run, owner.token());
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              },
              threads));
    }
    for (int i = 1; i < EVENTS; i++) {
      gateway.stores.journal().append(run, Fact.StageStarted.TYPE, "{\"i\": " + i + "}", 1);
      if (i == EVENTS / 3) {
        gateway.restartGateway(); // appends go on while it is down, below
      }
      Thread.sleep(10);
    }
    gateway.stores.journal().append(run, Fact.RunCompleted.TYPE, "{}", 1);

    CompletableFuture.allOf(following.toArray(CompletableFuture[]::new)).get(3, TimeUnit.MINUTES);
    List<Long> all = LongStream.rangeClosed(1, EVENTS).boxed().toList();
    for (Client client : clients) {
      assertThat(client.seen).as("every event once, in order").isEqualTo(all);
    }
    assertThat(clients.stream().mapToInt(client -> client.reconnects).sum())
        .as("the clients did lose their connections")
        .isGreaterThanOrEqualTo(CLIENTS);
  }
}
