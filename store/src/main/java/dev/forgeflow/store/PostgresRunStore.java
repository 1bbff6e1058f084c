package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.PROJECTS;
import static dev.forgeflow.store.jooq.Tables.RUNS;

import dev.forgeflow.store.jooq.tables.records.RunsRecord;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Runs in the {@code runs} table. */
final class PostgresRunStore implements RunStore {

  private final DSLContext db;

  PostgresRunStore(DSLContext db) {
    this.db = db;
  }

  private static final String FOREIGN_KEY_VIOLATION = "23503";

  @Override
  public String create(NewRun run) {
    String id = UUID.randomUUID().toString();
    try {
      db.insertInto(RUNS)
          .set(RUNS.ID, id)
          .set(RUNS.PROMPT, StorableText.of(run.prompt()))
          .set(RUNS.STATUS, QUEUED)
          .set(RUNS.OPTIONS, Json.of(run.optionsJson(), "the options of a new run"))
          .set(RUNS.OWNER_ID, run.ownerId())
          .set(RUNS.PROJECT_ID, run.projectId())
          .execute();
    } catch (DataAccessException e) {
      throw unknownOwner(run, e);
    }
    return id;
  }

  private static RuntimeException unknownOwner(NewRun run, DataAccessException e) {
    if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
      return new NoSuchElementException(
          "No user " + run.ownerId() + " or project " + run.projectId() + " for a new run");
    }
    return e;
  }

  @Override
  public CreatedRun createOnce(NewRun run, String idempotencyKey, String requestHash) {
    if (run.ownerId() == null) {
      throw new IllegalArgumentException("Only a run with an owner can be created once per key");
    }
    if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 255) {
      throw new IllegalArgumentException("An idempotency key has 1 to 255 characters");
    }
    String id = UUID.randomUUID().toString();
    int inserted;
    try {
      // Of two concurrent inserts with one key, the second waits for the first and then does
      // nothing: the unique index on (owner_id, idempotency_key) decides.
      inserted =
          db.insertInto(RUNS)
              .set(RUNS.ID, id)
              .set(RUNS.PROMPT, StorableText.of(run.prompt()))
              .set(RUNS.STATUS, QUEUED)
              .set(RUNS.OPTIONS, Json.of(run.optionsJson(), "the options of a new run"))
              .set(RUNS.OWNER_ID, run.ownerId())
              .set(RUNS.PROJECT_ID, run.projectId())
              .set(RUNS.IDEMPOTENCY_KEY, StorableText.of(idempotencyKey))
              .set(RUNS.REQUEST_HASH, requestHash)
              .onConflict(RUNS.OWNER_ID, RUNS.IDEMPOTENCY_KEY)
              .doNothing()
              .execute();
    } catch (DataAccessException e) {
      throw unknownOwner(run, e);
    }
    if (inserted == 1) {
      return new CreatedRun(find(id).orElseThrow(), true);
    }
    RunsRecord first =
        db.selectFrom(RUNS)
            .where(RUNS.OWNER_ID.eq(run.ownerId()))
            .and(RUNS.IDEMPOTENCY_KEY.eq(StorableText.of(idempotencyKey)))
            .fetchSingle();
    if (!Objects.equals(first.getRequestHash(), requestHash)) {
      throw new IdempotencyConflictException(first.getId());
    }
    return new CreatedRun(toRun(first), false);
  }

  @Override
  public Optional<RunRecord> find(String runId) {
    return db.selectFrom(RUNS).where(RUNS.ID.eq(runId)).fetchOptional(PostgresRunStore::toRun);
  }

  @Override
  public void setStatus(String runId, String status) {
    update(runId, RUNS.STATUS, status);
  }

  @Override
  public void setProjectName(String runId, String name) {
    update(runId, RUNS.PROJECT_NAME, StorableText.of(name));
  }

  @Override
  public void setSandboxHost(String runId, String host) {
    update(runId, RUNS.SANDBOX_HOST, StorableText.of(host));
  }

  @Override
  public Optional<String> sandboxHost(String runId) {
    return db.select(RUNS.SANDBOX_HOST)
        .from(RUNS)
        .where(RUNS.ID.eq(runId))
        .fetchOptional(RUNS.SANDBOX_HOST);
  }

  @Override
  public void setResult(String runId, String resultJson) {
    update(runId, RUNS.RESULT, Json.of(resultJson, "the result of run " + runId));
  }

  @Override
  public List<RunRecord> recent(int limit) {
    return db.selectFrom(RUNS)
        .orderBy(RUNS.CREATED_AT.desc(), RUNS.ID.desc())
        .limit(limit)
        .fetch(PostgresRunStore::toRun);
  }

  @Override
  public Optional<RunRecord> findOwned(String ownerId, String runId) {
    return db.selectFrom(RUNS)
        .where(RUNS.ID.eq(runId))
        .and(visibleTo(ownerId))
        .fetchOptional(PostgresRunStore::toRun);
  }

  /** The owner's runs that belong to no project or to a live one. */
  private Condition visibleTo(String ownerId) {
    return RUNS.OWNER_ID
        .eq(ownerId)
        .and(
            RUNS.PROJECT_ID
                .isNull()
                .or(
                    RUNS.PROJECT_ID.in(
                        DSL.select(PROJECTS.ID)
                            .from(PROJECTS)
                            .where(PROJECTS.OWNER_ID.eq(ownerId))
                            .and(PROJECTS.DELETED_AT.isNull()))));
  }

  @Override
  public RunPage listOwned(RunQuery query) {
    Condition where = visibleTo(query.ownerId());
    if (query.projectId() != null) {
      where = where.and(RUNS.PROJECT_ID.eq(query.projectId()));
    }
    if (query.status() != null) {
      where = where.and(RUNS.STATUS.eq(query.status()));
    }
    if (query.after() != null) {
      RunCursor cursor = RunCursor.parse(query.after());
      where =
          where.and(
              DSL.row(RUNS.CREATED_AT, RUNS.ID)
                  .lt(DSL.row(DSL.val(cursor.createdAt()), DSL.val(cursor.id()))));
    }
    List<RunRecord> rows =
        db.selectFrom(RUNS)
            .where(where)
            .orderBy(RUNS.CREATED_AT.desc(), RUNS.ID.desc())
            .limit(query.limit() + 1)
            .fetch(PostgresRunStore::toRun);
    if (rows.size() <= query.limit()) {
      return new RunPage(rows, null);
    }
    List<RunRecord> page = rows.subList(0, query.limit());
    return new RunPage(page, RunCursor.of(page.get(page.size() - 1)));
  }

  @Override
  public List<RunRecord> runsOf(String ownerId, String projectId) {
    return db.selectFrom(RUNS)
        .where(RUNS.OWNER_ID.eq(ownerId))
        .and(RUNS.PROJECT_ID.eq(projectId))
        .orderBy(RUNS.CREATED_AT.desc(), RUNS.ID.desc())
        .fetch(PostgresRunStore::toRun);
  }

  @Override
  public List<RunRecord> recentOwned(String ownerId, int limit) {
    return db.selectFrom(RUNS)
        .where(visibleTo(ownerId))
        .orderBy(RUNS.CREATED_AT.desc(), RUNS.ID.desc())
        .limit(limit)
        .fetch(PostgresRunStore::toRun);
  }

  private <T> void update(String runId, Field<T> column, T value) {
    int updated =
        db.update(RUNS)
            .set(column, value)
            .set(RUNS.UPDATED_AT, DSL.currentOffsetDateTime())
            .where(RUNS.ID.eq(runId))
            .execute();
    if (updated == 0) {
      throw RunMustExist.noSuchRun(runId);
    }
  }

  private static RunRecord toRun(RunsRecord row) {
    return new RunRecord(
        row.getId(),
        row.getPrompt(),
        row.getStatus(),
        row.getProjectName(),
        Json.text(row.getOptions()),
        Json.text(row.getResult()),
        row.getCreatedAt(),
        row.getUpdatedAt(),
        row.getOwnerId(),
        row.getProjectId());
  }
}
