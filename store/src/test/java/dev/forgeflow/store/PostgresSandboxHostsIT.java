package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedDatabase.Extension.class)
class PostgresSandboxHostsIT {

  private static final Duration LIVE = Duration.ofSeconds(30);
  private final SandboxHosts hosts;
  private final RunStore runs;

  PostgresSandboxHostsIT(SharedDatabase database) {
    var db = DSL.using(database.dataSource(), SQLDialect.POSTGRES);
    // each test starts with no hosts, and no unfinished run placed on one
    db.execute("TRUNCATE sandbox_hosts");
    db.execute("UPDATE runs SET status = 'CANCELLED' WHERE sandbox_host IS NOT NULL");
    hosts = new PostgresSandboxHosts(db);
    runs = database.stores().runs();
  }

  private String unfinishedRun() {
    String id = runs.create(new NewRun("a todo API", null));
    runs.setStatus(id, "RUNNING");
    return id;
  }

  @Test
  void runsSpreadOverTheLiveHostsTheLeastLoadedFirst() {
    hosts.heartbeat("host-b", "forgeflow-sandbox@host-b");
    hosts.heartbeat("host-a", "forgeflow-sandbox@host-a");

    String first = unfinishedRun();
    String second = unfinishedRun();
    String third = unfinishedRun();
    assertThat(hosts.place(first, LIVE, null)).contains("host-a");
    assertThat(hosts.place(second, LIVE, null)).contains("host-b");
    assertThat(hosts.place(third, LIVE, null)).contains("host-a");
    assertThat(runs.sandboxHost(second)).contains("host-b");
    assertThat(hosts.live(LIVE))
        .extracting(SandboxHosts.HostLoad::name, SandboxHosts.HostLoad::unfinishedRuns)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("host-a", 2),
            org.assertj.core.groups.Tuple.tuple("host-b", 1));

    // a finished run weighs nothing
    runs.setStatus(first, "SUCCEEDED");
    runs.setStatus(third, "FAILED");
    assertThat(hosts.place(unfinishedRun(), LIVE, null)).contains("host-a");
  }

  @Test
  void aRunLeavingAHostGoesToAnotherUnlessItIsTheOnlyOneAndAHostThatLeftIsNotChosen() {
    hosts.heartbeat("host-a", "forgeflow-sandbox@host-a");
    hosts.heartbeat("host-b", "forgeflow-sandbox@host-b");
    String run = unfinishedRun();

    assertThat(hosts.place(run, LIVE, "host-a")).contains("host-b");
    hosts.leave("host-b");
    assertThat(hosts.place(run, LIVE, "host-a")).contains("host-a");
    hosts.leave("host-a");
    assertThat(hosts.place(run, LIVE, null)).isEmpty();
    assertThat(runs.sandboxHost(run)).contains("host-a");
  }

  @Test
  void aHostNotSeenWithinTheBoundIsNotLive() throws Exception {
    hosts.heartbeat("host-a", "forgeflow-sandbox@host-a");
    Thread.sleep(1_100);
    hosts.heartbeat("host-b", "forgeflow-sandbox@host-b");

    assertThat(hosts.live(Duration.ofSeconds(1)))
        .extracting(SandboxHosts.HostLoad::name)
        .containsExactly("host-b");
    assertThat(hosts.place(unfinishedRun(), Duration.ofSeconds(1), null)).contains("host-b");
  }

  @Test
  void choicesMadeAtOnceStillSpreadBecauseTheyAreMadeOneAtATime() throws Exception {
    hosts.heartbeat("host-a", "forgeflow-sandbox@host-a");
    hosts.heartbeat("host-b", "forgeflow-sandbox@host-b");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(unfinishedRun());
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> chosen = new ArrayList<>();
      for (String id : ids) {
        Callable<String> place = () -> hosts.place(id, LIVE, null).orElseThrow();
        chosen.add(pool.submit(place));
      }
      List<String> names = new ArrayList<>();
      for (Future<String> future : chosen) {
        names.add(future.get());
      }
      assertThat(names).filteredOn("host-a"::equals).hasSize(4);
      assertThat(names).filteredOn("host-b"::equals).hasSize(4);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void placingARunThatDoesNotExistIsRefused() {
    hosts.heartbeat("host-a", "forgeflow-sandbox@host-a");
    assertThatThrownBy(() -> hosts.place("no-such-run", LIVE, null))
        .isInstanceOf(NoSuchElementException.class);
  }
}
