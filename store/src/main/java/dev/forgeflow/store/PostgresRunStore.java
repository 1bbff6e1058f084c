package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.RUNS;

import dev.forgeflow.store.jooq.tables.records.RunsRecord;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
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
          .execute();
    } catch (DataAccessException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
        throw new NoSuchElementException("No user " + run.ownerId() + " to own a new run");
      }
      throw e;
    }
    return id;
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
        .and(RUNS.OWNER_ID.eq(ownerId))
        .fetchOptional(PostgresRunStore::toRun);
  }

  @Override
  public List<RunRecord> recentOwned(String ownerId, int limit) {
    return db.selectFrom(RUNS)
        .where(RUNS.OWNER_ID.eq(ownerId))
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
        row.getOwnerId());
  }
}
