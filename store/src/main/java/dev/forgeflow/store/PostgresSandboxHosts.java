package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.RUNS;
import static dev.forgeflow.store.jooq.Tables.SANDBOX_HOSTS;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** {@link SandboxHosts} in PostgreSQL: choices are serialised by locking the live hosts' rows. */
public final class PostgresSandboxHosts implements SandboxHosts {

  private static final List<String> FINISHED = List.of("SUCCEEDED", "FAILED", "CANCELLED");

  private final DSLContext db;

  public PostgresSandboxHosts(DSLContext db) {
    this.db = db;
  }

  @Override
  public void heartbeat(String name, String taskQueue) {
    db.insertInto(SANDBOX_HOSTS)
        .set(SANDBOX_HOSTS.NAME, name)
        .set(SANDBOX_HOSTS.TASK_QUEUE, taskQueue)
        .set(SANDBOX_HOSTS.STARTED_AT, DSL.currentOffsetDateTime())
        .set(SANDBOX_HOSTS.SEEN_AT, DSL.currentOffsetDateTime())
        .onConflict(SANDBOX_HOSTS.NAME)
        .doUpdate()
        .set(SANDBOX_HOSTS.TASK_QUEUE, taskQueue)
        .set(SANDBOX_HOSTS.SEEN_AT, DSL.currentOffsetDateTime())
        .execute();
  }

  @Override
  public void leave(String name) {
    db.deleteFrom(SANDBOX_HOSTS).where(SANDBOX_HOSTS.NAME.eq(name)).execute();
  }

  @Override
  public List<HostLoad> live(Duration liveWithin) {
    return loads(db, liveWithin, null, false);
  }

  @Override
  public Optional<String> place(String runId, Duration liveWithin, String leaving) {
    return db.transactionResult(
        configuration -> {
          DSLContext tx = DSL.using(configuration);
          List<HostLoad> hosts = loads(tx, liveWithin, runId, true);
          Optional<HostLoad> chosen =
              hosts.stream()
                  .filter(host -> !host.name().equals(leaving) || hosts.size() == 1)
                  .min(
                      Comparator.comparingInt(HostLoad::unfinishedRuns)
                          .thenComparing(HostLoad::name));
          if (chosen.isPresent()) {
            int updated =
                tx.update(RUNS)
                    .set(RUNS.SANDBOX_HOST, chosen.get().name())
                    .where(RUNS.ID.eq(runId))
                    .execute();
            if (updated == 0) {
              throw RunMustExist.noSuchRun(runId);
            }
          }
          return chosen.map(HostLoad::name);
        });
  }

  /** The live hosts by name with their unfinished runs; locked for a choice when asked. */
  private static List<HostLoad> loads(
      DSLContext db, Duration liveWithin, String notCounting, boolean lock) {
    var live =
        db.select(SANDBOX_HOSTS.NAME, SANDBOX_HOSTS.TASK_QUEUE)
            .from(SANDBOX_HOSTS)
            .where(
                DSL.condition(
                    "{0} > now() - make_interval(secs => {1})",
                    SANDBOX_HOSTS.SEEN_AT, DSL.val(liveWithin.toMillis() / 1000.0)))
            .orderBy(SANDBOX_HOSTS.NAME);
    var rows = lock ? live.forUpdate().fetch() : live.fetch();
    if (rows.isEmpty()) {
      return List.of();
    }
    List<String> names = rows.map(row -> row.get(SANDBOX_HOSTS.NAME));
    Field<Integer> count = DSL.count();
    var unfinished = RUNS.SANDBOX_HOST.in(names).and(RUNS.STATUS.notIn(FINISHED));
    if (notCounting != null) {
      unfinished = unfinished.and(RUNS.ID.ne(notCounting));
    }
    Map<String, Integer> counts =
        db.select(RUNS.SANDBOX_HOST, count)
            .from(RUNS)
            .where(unfinished)
            .groupBy(RUNS.SANDBOX_HOST)
            .fetchMap(RUNS.SANDBOX_HOST, count);
    return rows.map(
        row ->
            new HostLoad(
                row.get(SANDBOX_HOSTS.NAME),
                row.get(SANDBOX_HOSTS.TASK_QUEUE),
                counts.getOrDefault(row.get(SANDBOX_HOSTS.NAME), 0)));
  }
}
