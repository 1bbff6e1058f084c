package dev.forgeflow.store.projects;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** An in-memory {@link DocumentStore} for tests. */
public final class InMemoryDocumentStore implements DocumentStore {

  private record Row(ProjectDocument document, List<String> pages) {}

  private final Map<String, Row> rows = new ConcurrentHashMap<>();
  private final Predicate<String> projectExists;

  public InMemoryDocumentStore(Predicate<String> projectExists) {
    this.projectExists = projectExists;
  }

  @Override
  public ProjectDocument add(String id, NewDocument document) {
    if (!projectExists.test(document.projectId())) {
      throw new NoSuchElementException("No project " + document.projectId());
    }
    ProjectDocument stored =
        new ProjectDocument(
            id,
            document.projectId(),
            document.name(),
            document.mediaType(),
            document.bytes(),
            document.sha256(),
            document.pages().size(),
            document.chars(),
            document.chunks(),
            OffsetDateTime.now(ZoneOffset.UTC));
    rows.put(id, new Row(stored, document.pages()));
    return stored;
  }

  @Override
  public List<ProjectDocument> list(String projectId) {
    List<ProjectDocument> found = new ArrayList<>();
    rows.values().stream()
        .map(Row::document)
        .filter(d -> d.projectId().equals(projectId))
        .sorted(
            Comparator.comparing(ProjectDocument::createdAt)
                .thenComparing(ProjectDocument::id)
                .reversed())
        .forEach(found::add);
    return found;
  }

  @Override
  public Optional<ProjectDocument> find(String projectId, String documentId) {
    return Optional.ofNullable(rows.get(documentId))
        .map(Row::document)
        .filter(d -> d.projectId().equals(projectId));
  }

  @Override
  public List<String> pages(String documentId) {
    Row row = rows.get(documentId);
    return row == null ? List.of() : row.pages();
  }

  @Override
  public boolean delete(String projectId, String documentId) {
    return find(projectId, documentId).map(d -> rows.remove(documentId) != null).orElse(false);
  }
}
