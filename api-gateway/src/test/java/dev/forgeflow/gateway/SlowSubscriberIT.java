package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.gateway.RunningGateway.Owner;
import dev.forgeflow.workflows.journal.Fact;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.publisher.Flux;

/**
 * A client that stops reading is dropped, not waited for: once the socket and the feed's small
 * buffer are full, its stream ends with a comment naming its last event, while a client that keeps
 * reading gets the whole run; the dropped client resumes exactly by Last-Event-ID.
 */
class SlowSubscriberIT {

  private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE =
      new ParameterizedTypeReference<>() {};

  /** Events large enough that a few hundred fill the loopback socket's buffers. */
  private static final String BULKY = "{\"text\": \"" + "x".repeat(32 * 1024) + "\"}";

  private static final int EVENTS = 600;

  private static final int FEED_BUFFER = 16;

  @TempDir static Path dataDir;
  private static RunningGateway gateway;

  @BeforeAll
  static void startGateway() {
    gateway = RunningGateway.start(dataDir, "forgeflow.gateway.feed-buffer=" + FEED_BUFFER);
  }

  @AfterAll
  static void stopGateway() {
    if (gateway != null) {
      gateway.close();
    }
  }

  @Test
  void aClientThatStopsReadingIsDroppedAndResumesExactlyWhileAReadingOneGetsEverything()
      throws Exception {
    Owner owner = gateway.newOwner();
    String run = gateway.newRun(owner);
    gateway.stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);
    AtomicLong readerAt = new AtomicLong();
    CompletableFuture<List<String>> reader =
        stream(run, owner, null)
            .filter(e -> e.id() != null)
            .map(ServerSentEvent::id)
            .doOnNext(id -> readerAt.set(Long.parseLong(id)))
            .collectList()
            .toFuture();
    Stalled stalled = new Stalled();
    stream(run, owner, null).subscribe(stalled);
    stalled.first.get(1, TimeUnit.MINUTES);

    for (int i = 0; i < EVENTS; i++) {
      // the reading client is kept within half the feed's buffer of the journal, however slow
      // the machine: it is the stalled client alone that falls behind
      long next = i + 2;
      keepUp(readerAt, next - FEED_BUFFER / 2, reader);
      gateway.stores.journal().append(run, Fact.CodeProgress.TYPE, BULKY, 1);
    }
    gateway.stores.journal().append(run, Fact.RunCompleted.TYPE, "{}", 1);
    assertThat(reader.get(1, TimeUnit.MINUTES)).containsExactlyElementsOf(seqs(1, EVENTS + 2));

    stalled.readOn();
    stalled.done.get(1, TimeUnit.MINUTES);
    List<String> ids = stalled.ids();
    long last = ids.size();
    assertThat(ids).containsExactlyElementsOf(seqs(1, last));
    assertThat(last).isLessThan(EVENTS + 2);
    assertThat(stalled.comments).anyMatch(c -> c.contains("Last-Event-ID: " + last));

    List<String> resumed =
        stream(run, owner, Long.toString(last))
            .filter(e -> e.id() != null)
            .map(ServerSentEvent::id)
            .collectList()
            .block(RunningGateway.PATIENCE);
    assertThat(resumed).containsExactlyElementsOf(seqs(last + 1, EVENTS + 2));
  }

  private static Flux<ServerSentEvent<String>> stream(String run, Owner owner, String lastId) {
    return gateway
        .client
        .get()
        .uri("/api/runs/{id}/events", run)
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + owner.token())
        .headers(h -> lastId(h, lastId))
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(SSE)
        .timeout(RunningGateway.PATIENCE.multipliedBy(2));
  }

  private static void lastId(HttpHeaders headers, String lastId) {
    if (lastId != null) {
      headers.set("Last-Event-ID", lastId);
    }
  }

  /** Waits until the reader has seen event {@code seq}; fails if its stream ends first. */
  private static void keepUp(AtomicLong readerAt, long seq, CompletableFuture<?> reader)
      throws InterruptedException {
    long deadline = System.nanoTime() + RunningGateway.PATIENCE.toNanos();
    while (readerAt.get() < seq) {
      assertThat(reader).as("the reading client's stream, waiting for event %d", seq).isNotDone();
      assertThat(System.nanoTime()).as("reader reached event %d in time", seq).isLessThan(deadline);
      Thread.sleep(1);
    }
  }

  private static List<String> seqs(long first, long last) {
    return LongStream.rangeClosed(first, last).mapToObj(Long::toString).toList();
  }

  /** Reads the first event, then nothing until told to read on. */
  private static final class Stalled extends BaseSubscriber<ServerSentEvent<String>> {
    private final List<ServerSentEvent<String>> seen = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> first = new CompletableFuture<>();
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      request(1);
    }

    @Override
    protected void hookOnNext(ServerSentEvent<String> event) {
      seen.add(event);
      if (event.comment() != null) {
        comments.add(event.comment());
      }
      if (event.id() != null) {
        first.complete(null);
      } else if (!first.isDone()) {
        request(1);
      }
    }

    void readOn() {
      requestUnbounded();
    }

    @Override
    protected void hookOnComplete() {
      done.complete(null);
    }

    @Override
    protected void hookOnError(Throwable failure) {
      done.completeExceptionally(failure);
    }

    List<String> ids() {
      return seen.stream().map(ServerSentEvent::id).filter(id -> id != null).toList();
    }
  }
}
