package dev.forgeflow.store.projects;

import static dev.forgeflow.store.jooq.Tables.PROJECT_DOCUMENTS;

import dev.forgeflow.store.jooq.tables.records.ProjectDocumentsRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;

/** Documents in the {@code project_documents} table, their pages' text as a text array. */
public final class PostgresDocumentStore implements DocumentStore {

  private static final String FOREIGN_KEY_VIOLATION = "23503";

  private final DSLContext db;
  private final Clock clock;

  public PostgresDocumentStore(DSLContext db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public ProjectDocument add(String id, NewDocument document) {
    ProjectDocumentsRecord row = db.newRecord(PROJECT_DOCUMENTS);
    row.setId(id);
    row.setProjectId(document.projectId());
    row.setName(document.name());
    row.setMediaType(document.mediaType());
    row.setBytes(document.bytes());
    row.setSha256(document.sha256());
    row.setPages(document.pages().toArray(String[]::new));
    row.setPageCount(document.pages().size());
    row.setChars(document.chars());
    row.setChunks(document.chunks());
    row.setCreatedAt(
        OffsetDateTime.now(clock)
            .withOffsetSameInstant(ZoneOffset.UTC)
            .truncatedTo(ChronoUnit.MICROS));
    try {
      row.insert();
    } catch (DataAccessException e) {
      if (FOREIGN_KEY_VIOLATION.equals(e.sqlState())) {
        throw new NoSuchElementException("No project " + document.projectId());
      }
      throw e;
    }
    return toDocument(row);
  }

  @Override
  public List<ProjectDocument> list(String projectId) {
    return db.selectFrom(PROJECT_DOCUMENTS)
        .where(PROJECT_DOCUMENTS.PROJECT_ID.eq(projectId))
        .orderBy(PROJECT_DOCUMENTS.CREATED_AT.desc(), PROJECT_DOCUMENTS.ID.desc())
        .fetch(PostgresDocumentStore::toDocument);
  }

  @Override
  public Optional<ProjectDocument> find(String projectId, String documentId) {
    return db.selectFrom(PROJECT_DOCUMENTS)
        .where(PROJECT_DOCUMENTS.PROJECT_ID.eq(projectId))
        .and(PROJECT_DOCUMENTS.ID.eq(documentId))
        .fetchOptional(PostgresDocumentStore::toDocument);
  }

  @Override
  public List<String> pages(String documentId) {
    return db.selectFrom(PROJECT_DOCUMENTS)
        .where(PROJECT_DOCUMENTS.ID.eq(documentId))
        .fetchOptional(PostgresDocumentStore::pages)
        .orElse(List.of());
  }

  @Override
  public boolean delete(String projectId, String documentId) {
    return db.deleteFrom(PROJECT_DOCUMENTS)
            .where(PROJECT_DOCUMENTS.PROJECT_ID.eq(projectId))
            .and(PROJECT_DOCUMENTS.ID.eq(documentId))
            .execute()
        == 1;
  }

  private static List<String> pages(ProjectDocumentsRecord row) {
    return List.of(row.getPages());
  }

  private static ProjectDocument toDocument(ProjectDocumentsRecord row) {
    return new ProjectDocument(
        row.getId(),
        row.getProjectId(),
        row.getName(),
        row.getMediaType(),
        row.getBytes(),
        row.getSha256(),
        row.getPageCount(),
        row.getChars(),
        row.getChunks(),
        row.getCreatedAt());
  }
}
