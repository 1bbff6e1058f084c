package dev.forgeflow.store.projects;

import static dev.forgeflow.store.jooq.Tables.PROJECTS;
import static org.jooq.impl.DSL.lower;

import dev.forgeflow.store.jooq.tables.records.ProjectsRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/** Projects in the {@code projects} table; a deleted one keeps its row with {@code deleted_at}. */
public final class PostgresProjectStore implements ProjectStore {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final DSLContext db;
  private final Clock clock;

  public PostgresProjectStore(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public Project create(String ownerId, String name) {
    String checked = ProjectNames.checked(name);
    OffsetDateTime now = now();
    ProjectsRecord row = db.newRecord(PROJECTS);
    row.setId(UUID.randomUUID().toString());
    row.setOwnerId(ownerId);
    row.setName(checked);
    row.setCreatedAt(now);
    row.setUpdatedAt(now);
    try {
      row.insert();
    } catch (DataAccessException e) {
      if (UNIQUE_VIOLATION.equals(e.sqlState())) {
        throw new DuplicateProjectException(checked);
      }
      if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
        throw new NoSuchElementException("No user " + ownerId + " to own a project");
      }
      throw e;
    }
    return toProject(row);
  }

  @Override
  public Optional<Project> findOwned(String ownerId, String projectId) {
    return db.selectFrom(PROJECTS)
        .where(live(ownerId))
        .and(PROJECTS.ID.eq(projectId))
        .fetchOptional(PostgresProjectStore::toProject);
  }

  @Override
  public Optional<Project> findNamed(String ownerId, String name) {
    return db.selectFrom(PROJECTS)
        .where(live(ownerId))
        .and(lower(PROJECTS.NAME).eq(lower(DSL.val(name == null ? "" : name.strip()))))
        .fetchOptional(PostgresProjectStore::toProject);
  }

  @Override
  public List<Project> listOwned(String ownerId, int limit, int offset) {
    return db.selectFrom(PROJECTS)
        .where(live(ownerId))
        .orderBy(PROJECTS.CREATED_AT.desc(), PROJECTS.ID.desc())
        .limit(limit)
        .offset(offset)
        .fetch(PostgresProjectStore::toProject);
  }

  @Override
  public Optional<Project> rename(String ownerId, String projectId, String name) {
    String checked = ProjectNames.checked(name);
    try {
      return db.update(PROJECTS)
          .set(PROJECTS.NAME, checked)
          .set(PROJECTS.UPDATED_AT, now())
          .where(live(ownerId))
          .and(PROJECTS.ID.eq(projectId))
          .returning()
          .fetchOptional()
          .map(PostgresProjectStore::toProject);
    } catch (DataAccessException e) {
      if (UNIQUE_VIOLATION.equals(e.sqlState())) {
        throw new DuplicateProjectException(checked);
      }
      throw e;
    }
  }

  @Override
  public boolean delete(String ownerId, String projectId) {
    OffsetDateTime now = now();
    return db.update(PROJECTS)
            .set(PROJECTS.DELETED_AT, now)
            .set(PROJECTS.UPDATED_AT, now)
            .where(live(ownerId))
            .and(PROJECTS.ID.eq(projectId))
            .execute()
        == 1;
  }

  private static Condition live(String ownerId) {
    return PROJECTS.OWNER_ID.eq(ownerId).and(PROJECTS.DELETED_AT.isNull());
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock)
        .withOffsetSameInstant(ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.MICROS);
  }

  private static Project toProject(ProjectsRecord row) {
    return new Project(
        row.getId(), row.getOwnerId(), row.getName(), row.getCreatedAt(), row.getUpdatedAt());
  }
}
