package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.ARTIFACTS;

import dev.forgeflow.store.jooq.tables.records.ArtifactsRecord;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;

/** Artifacts in the {@code artifacts} table; {@code position} orders saves. */
final class PostgresArtifactStore implements ArtifactStore {

  private final DSLContext db;

  PostgresArtifactStore(DSLContext db) {
    this.db = db;
  }

  @Override
  public String save(String runId, String kind, String json) {
    Objects.requireNonNull(json, "json");
    String id = UUID.randomUUID().toString();
    return RunMustExist.whileWriting(
        runId,
        () -> {
          db.insertInto(ARTIFACTS)
              .set(ARTIFACTS.ID, id)
              .set(ARTIFACTS.RUN_ID, runId)
              .set(ARTIFACTS.KIND, kind)
              .set(ARTIFACTS.CONTENT, Json.of(json, "the " + kind + " artifact of run " + runId))
              .execute();
          return id;
        });
  }

  @Override
  public StoredArtifact load(String artifactId) {
    return db.selectFrom(ARTIFACTS)
        .where(ARTIFACTS.ID.eq(artifactId))
        .fetchOptional(PostgresArtifactStore::toArtifact)
        .orElseThrow(() -> new NoSuchElementException("No artifact with id " + artifactId));
  }

  @Override
  public Optional<StoredArtifact> latest(String runId, String kind) {
    return db.selectFrom(ARTIFACTS)
        .where(ARTIFACTS.RUN_ID.eq(runId).and(ARTIFACTS.KIND.eq(kind)))
        .orderBy(ARTIFACTS.POSITION.desc())
        .limit(1)
        .fetchOptional(PostgresArtifactStore::toArtifact);
  }

  private static StoredArtifact toArtifact(ArtifactsRecord row) {
    return new StoredArtifact(
        row.getId(),
        row.getRunId(),
        row.getKind(),
        Json.text(row.getContent()),
        row.getCreatedAt());
  }
}
