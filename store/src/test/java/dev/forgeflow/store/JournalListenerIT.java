package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Waiting readers keep waking promptly after the journal's listening connection is lost. */
class JournalListenerIT {

  @TempDir Path dataDir;

  @Test
  void waitersWakePromptlyAfterTheListeningConnectionIsKilled() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      Database.migrate(database.dataSource());
      try (Stores stores = Stores.postgres(database.dataSource())) {
        String run = stores.runs().create(new NewRun("listener", null));
        stores.journal().append(run, "run.started", "{}", 1);
        assertThat(stores.journal().awaitAfter(run, 0, 10, Duration.ofSeconds(5))).hasSize(1);
        awaitListening(database);

        assertThat(killListeningConnections(database)).isEqualTo(1);
        CompletableFuture<List<JournalEvent>> waiter =
            CompletableFuture.supplyAsync(
                () -> stores.journal().awaitAfter(run, 1, 10, Duration.ofSeconds(30)));
        Thread.sleep(1_500);
        long appended = System.nanoTime();
        stores.journal().append(run, "stage.started", "{}", 1);

        assertThat(waiter.get(30, TimeUnit.SECONDS))
            .extracting(JournalEvent::seq)
            .containsExactly(2L);
        assertThat(Duration.ofNanos(System.nanoTime() - appended))
            .isLessThan(Duration.ofMillis(2_500));
      }
    }
  }

  @Test
  void closingTheStoresStopsListeningAndGivesTheConnectionBack() throws Exception {
    try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
      Database.migrate(database.dataSource());
      // listeners of other tests' stores in this JVM are not this one's
      Set<Thread> before = listeningThreads();
      Stores stores = Stores.postgres(database.dataSource());
      String run = stores.runs().create(new NewRun("listener", null));
      assertThat(stores.journal().awaitAfter(run, 0, 10, Duration.ofMillis(100))).isEmpty();
      awaitListening(database);
      assertThat(listeningConnections(database)).isEqualTo(1);
      Set<Thread> ours = listeningThreads();
      ours.removeAll(before);
      assertThat(ours).hasSize(1);

      stores.close();

      // on return: the listening thread has ended and its connection no longer listens
      assertThat(ours).noneMatch(Thread::isAlive);
      assertThat(listeningConnections(database)).isZero();
    }
  }

  private static Set<Thread> listeningThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().equals("forgeflow-journal-listener"))
        .filter(Thread::isAlive)
        .collect(Collectors.toCollection(HashSet::new));
  }

  private static void awaitListening(EmbeddedDatabase database) throws InterruptedException {
    for (int i = 0; i < 100 && listeningConnections(database) == 0; i++) {
      Thread.sleep(50);
    }
  }

  private static int listeningConnections(EmbeddedDatabase database) {
    return db(database)
        .fetchCount(
            DSL.table(DSL.name("pg_stat_activity")), DSL.field(DSL.name("query")).like("LISTEN%"));
  }

  private static int killListeningConnections(EmbeddedDatabase database) {
    return db(database)
        .fetch("select pg_terminate_backend(pid) from pg_stat_activity where query like 'LISTEN%'")
        .size();
  }

  private static DSLContext db(EmbeddedDatabase database) {
    return DSL.using(database.dataSource(), SQLDialect.POSTGRES);
  }
}
