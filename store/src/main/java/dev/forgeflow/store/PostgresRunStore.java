package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.RUNS;

import dev.forgeflow.store.jooq.tables.records.RunsRecord;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;

/** Runs in the {@code runs} table. */
final class PostgresRunStore implements RunStore {

  private final DSLContext db;

  PostgresRunStore(DSLContext db) {
    this.db = db;
  }

  @Override
  public String create(NewRun run) {
    String id = UUID.randomUUID().toString();
    db.insertInto(RUNS)
        .set(RUNS.ID, id)
        .set(RUNS.PROMPT, StorableText.of(run.prompt()))
        .set(RUNS.STATUS, QUEUED)
        .set(RUNS.OPTIONS, Json.of(run.optionsJson(), "the options of a new run"))
        .execute();
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
        row.getUpdatedAt());
  }
}
