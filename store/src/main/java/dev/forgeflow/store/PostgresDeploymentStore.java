package dev.forgeflow.store;

import static dev.forgeflow.store.jooq.Tables.DEPLOYMENTS;

import dev.forgeflow.store.jooq.tables.records.DeploymentsRecord;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

/** Deployments in the {@code deployments} table, one row per project. */
final class PostgresDeploymentStore implements DeploymentStore {

  private final DSLContext db;

  PostgresDeploymentStore(DSLContext db) {
    this.db = db;
  }

  @Override
  public void save(DeploymentRecord d) {
    DeploymentsRecord row = new DeploymentsRecord();
    row.setProject(d.project());
    row.setRunId(d.runId());
    row.setContainerId(d.containerId());
    row.setImage(d.image());
    row.setHostPort(d.hostPort());
    row.setUrl(d.url());
    row.setStatus(d.status());
    row.setExpiresAt(d.expiresAt());
    RunMustExist.whileWriting(
        d.runId(),
        () ->
            db.insertInto(DEPLOYMENTS)
                .set(row)
                .onConflict(DEPLOYMENTS.PROJECT)
                .doUpdate()
                .set(row)
                .execute());
  }

  @Override
  public Optional<DeploymentRecord> find(String project) {
    return db.selectFrom(DEPLOYMENTS)
        .where(DEPLOYMENTS.PROJECT.eq(project))
        .fetchOptional(PostgresDeploymentStore::toRecord);
  }

  @Override
  public List<DeploymentRecord> all() {
    return db.selectFrom(DEPLOYMENTS)
        .orderBy(DEPLOYMENTS.PROJECT)
        .fetch(PostgresDeploymentStore::toRecord);
  }

  @Override
  public void remove(String project) {
    db.deleteFrom(DEPLOYMENTS).where(DEPLOYMENTS.PROJECT.eq(project)).execute();
  }

  private static DeploymentRecord toRecord(DeploymentsRecord row) {
    return new DeploymentRecord(
        row.getProject(),
        row.getRunId(),
        row.getContainerId(),
        row.getImage(),
        row.getHostPort(),
        row.getUrl(),
        row.getStatus(),
        row.getExpiresAt());
  }
}
