package dev.forgeflow.store.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.store.Database;
import dev.forgeflow.store.EmbeddedDatabase;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.journal.Fact;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reactivestreams.Subscription;
import reactor.core.publisher.BaseSubscriber;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The feed against a real embedded PostgreSQL: exact resumption, many subscribers of one run over
 * one listening connection, slow subscribers dropped without holding up fast ones. Notifications
 * are the only prompt path here: the re-read interval is far longer than any wait in these tests.
 */
class JournalFeedIT {

  private static final Set<String> RUN_ENDINGS =
      Set.of(Fact.RunCompleted.TYPE, Fact.RunFailed.TYPE, Fact.RunCancelled.TYPE);
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir static Path dataDir;
  private static EmbeddedDatabase database;
  private static Stores stores;
  private JournalFeed feed;

  @BeforeAll
  static void startDatabase() {
    database = EmbeddedDatabase.start(dataDir);
    Database.migrate(database.dataSource());
    stores = Stores.postgres(database.dataSource());
  }

  @AfterAll
  static void stopDatabase() {
    stores.close();
    database.close();
  }

  @BeforeEach
  void openFeed() {
    feed = feed(FeedSettings.DEFAULT_BUFFER_SIZE);
  }

  @AfterEach
  void closeFeed() {
    feed.close();
  }

  private static JournalFeed feed(int bufferSize) {
    return JournalFeed.postgres(
        database.dataSource(),
        stores,
        FeedSettings.of(RUN_ENDINGS)
            .withBufferSize(bufferSize)
            .withRecheckInterval(Duration.ofMinutes(5)));
  }

  @Test
  void aSubscriberThatCancelsAfterEventKResumesFromKPlusOneThroughTheEnd() throws Exception {
    String run = newRun();
    CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> append(run, 60, 5));

    List<JournalEvent> first = feed.events(run, 0).take(20).collectList().block(PATIENCE);
    assertThat(first).extracting(JournalEvent::seq).containsExactlyElementsOf(range(1, 20));

    List<JournalEvent> rest = feed.events(run, 20).collectList().block(PATIENCE);
    writer.get(1, TimeUnit.MINUTES);
    assertThat(rest).extracting(JournalEvent::seq).containsExactlyElementsOf(range(21, 61));
    assertThat(rest.get(rest.size() - 1).type()).isEqualTo(Fact.RunCompleted.TYPE);
  }

  @Test
  void twoHundredSubscribersOfOneRunEachGetEveryEventOnceInOrderAndComplete() throws Exception {
    String run = newRun();
    List<CompletableFuture<List<JournalEvent>>> subscribers = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      subscribers.add(feed.events(run, 0).collectList().toFuture());
    }
    append(run, 500, 0);

    for (CompletableFuture<List<JournalEvent>> subscriber : subscribers) {
      List<JournalEvent> seen = subscriber.get(2, TimeUnit.MINUTES);
      assertThat(seen).extracting(JournalEvent::seq).containsExactlyElementsOf(range(1, 501));
      assertThat(seen.get(500).type()).isEqualTo(Fact.RunCompleted.TYPE);
    }
  }

  @Test
  void aSlowSubscriberIsDroppedWithItsLastSeqWhileAFastOneGetsEverything() throws Exception {
    try (JournalFeed small = feed(16)) {
      String run = newRun();
      stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);
      CompletableFuture<List<JournalEvent>> fast = small.events(run, 0).collectList().toFuture();
      SlowSubscriber slow = new SlowSubscriber();
      small.events(run, 0).subscribe(slow);
      slow.awaitFirst();

      append(run, 300, 0);

      assertThat(fast.get(1, TimeUnit.MINUTES))
          .extracting(JournalEvent::seq)
          .containsExactlyElementsOf(range(1, 302));
      Throwable error = slow.error.get(1, TimeUnit.MINUTES);
      assertThat(error).isInstanceOf(SubscriberTooSlow.class);
      long last = ((SubscriberTooSlow) error).lastDeliveredSeq();
      assertThat(slow.seen).containsExactlyElementsOf(range(1, last));
      assertThat(last).isLessThan(301);

      List<JournalEvent> resumed = small.events(run, last).collectList().block(PATIENCE);
      assertThat(resumed)
          .extracting(JournalEvent::seq)
          .containsExactlyElementsOf(range(last + 1, 302));
    }
  }

  @Test
  void aRunThatAlreadyEndedIsReplayedAndCompletes() {
    String run = newRun();
    stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);
    stores.journal().append(run, Fact.StageStarted.TYPE, "{}", 1);
    stores.journal().append(run, Fact.RunFailed.TYPE, "{}", 1);

    StepVerifier.create(feed.events(run, 0))
        .assertNext(e -> assertThat(e.type()).isEqualTo(Fact.RunStarted.TYPE))
        .assertNext(e -> assertThat(e.seq()).isEqualTo(2))
        .assertNext(e -> assertThat(e.type()).isEqualTo(Fact.RunFailed.TYPE))
        .expectComplete()
        .verify(PATIENCE);
    StepVerifier.create(feed.events(run, 1))
        .expectNextMatches(e -> e.seq() == 2)
        .expectNextMatches(e -> e.seq() == 3)
        .expectComplete()
        .verify(PATIENCE);
    StepVerifier.create(feed.events(run, 3)).expectComplete().verify(PATIENCE);
  }

  @Test
  void everySubscriberSharesOneListeningConnection() throws Exception {
    String run = newRun();
    int before = listeningConnections();
    List<CompletableFuture<List<JournalEvent>>> subscribers = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      subscribers.add(feed.events(run, 0).collectList().toFuture());
    }
    for (int i = 0; i < 100 && listeningConnections() == before; i++) {
      Thread.sleep(50);
    }
    Thread.sleep(500);

    assertThat(listeningConnections() - before).isEqualTo(1);
    append(run, 3, 0);
    for (CompletableFuture<List<JournalEvent>> subscriber : subscribers) {
      assertThat(subscriber.get(1, TimeUnit.MINUTES)).hasSize(4);
    }
  }

  @Test
  void aNewEventReachesALiveSubscriberPromptlyThroughTheNotification() {
    String run = newRun();
    stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);
    StepVerifier.create(feed.events(run, 0))
        .expectNextMatches(e -> e.seq() == 1)
        .then(() -> stores.journal().append(run, Fact.RunCancelled.TYPE, "{}", 1))
        .expectNextMatches(e -> e.seq() == 2)
        .expectComplete()
        .verify(Duration.ofSeconds(3));
  }

  @Test
  void badStartingPointsFailWithAClearError() {
    String run = newRun();
    stores.journal().append(run, Fact.RunStarted.TYPE, "{}", 1);

    StepVerifier.create(feed.events("no-such-run", 0))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(NoSuchElementException.class)
                    .hasMessageContaining("no-such-run"))
        .verify(PATIENCE);
    StepVerifier.create(feed.events(run, 7))
        .expectErrorSatisfies(
            e ->
                assertThat(e)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no event 7"))
        .verify(PATIENCE);
    assertThatThrownBy(() -> feed.events(run, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closingTheFeedEndsOpenSubscriptions() {
    String run = newRun();
    StepVerifier.create(feed.events(run, 0))
        .expectSubscription()
        .then(feed::close)
        .expectError(IllegalStateException.class)
        .verify(PATIENCE);
  }

  private static String newRun() {
    return stores.runs().create(new NewRun("feed", null));
  }

  /** Appends {@code count} events, then the run's completion, pausing between appends. */
  private static void append(String run, int count, long pauseMillis) {
    for (int i = 0; i < count; i++) {
      stores.journal().append(run, Fact.StageStarted.TYPE, "{\"i\": " + i + "}", 1);
      pause(pauseMillis);
    }
    stores.journal().append(run, Fact.RunCompleted.TYPE, "{}", 1);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static List<Long> range(long first, long last) {
    return LongStream.rangeClosed(first, last).boxed().toList();
  }

  private static int listeningConnections() {
    return DSL.using(database.dataSource(), SQLDialect.POSTGRES)
        .fetchCount(
            DSL.table(DSL.name("pg_stat_activity")),
            DSL.field(DSL.name("query")).eq("LISTEN " + RunNotifications.CHANNEL));
  }

  /** Asks for one event at a time, and for the next only a while after each arrives. */
  private static final class SlowSubscriber extends BaseSubscriber<JournalEvent> {
    private final Scheduler later = Schedulers.single();
    private final List<Long> seen = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Void> first = new CompletableFuture<>();
    private final CompletableFuture<Throwable> error = new CompletableFuture<>();

    @Override
    protected void hookOnSubscribe(Subscription subscription) {
      request(1);
    }

    @Override
    protected void hookOnNext(JournalEvent event) {
      seen.add(event.seq());
      first.complete(null);
      later.schedule(() -> request(1), 20, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void hookOnError(Throwable failure) {
      error.complete(failure);
    }

    @Override
    protected void hookOnComplete() {
      error.completeExceptionally(new AssertionError("the slow subscriber was not dropped"));
    }

    void awaitFirst() throws Exception {
      first.get(1, TimeUnit.MINUTES);
    }
  }
}
