package dev.forgeflow.store.projects;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** A fake {@link ProjectStore} in memory; thread-safe. */
public final class InMemoryProjectStore implements ProjectStore {

  private final Map<String, Project> projects = new LinkedHashMap<>();
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final Predicate<String> isUser;

  /** A store whose projects may be owned by the users {@code isUser} knows. */
  public InMemoryProjectStore(Predicate<String> isUser) {
    this.isUser = isUser;
  }

  /** Whether a project with this id was ever created (deleted or not). */
  public synchronized boolean exists(String projectId) {
    return projects.containsKey(projectId);
  }

  /** Whether {@code userId} owns the project with this id, deleted or not. */
  public synchronized boolean isOwner(String userId, String projectId) {
    Project project = projects.get(projectId);
    return project != null && project.ownerId().equals(userId);
  }

  /** Whether the project with this id was deleted. */
  public boolean isDeleted(String projectId) {
    return deleted.contains(projectId);
  }

  @Override
  public synchronized Project create(String ownerId, String name) {
    String checked = ProjectNames.checked(name);
    if (!isUser.test(ownerId)) {
      throw new NoSuchElementException("No user " + ownerId + " to own a project");
    }
    if (findNamed(ownerId, checked).isPresent()) {
      throw new DuplicateProjectException(checked);
    }
    OffsetDateTime now = now();
    Project project = new Project(UUID.randomUUID().toString(), ownerId, checked, now, now);
    projects.put(project.id(), project);
    return project;
  }

  @Override
  public synchronized Optional<Project> findOwned(String ownerId, String projectId) {
    return live(ownerId).stream().filter(p -> p.id().equals(projectId)).findFirst();
  }

  @Override
  public synchronized Optional<Project> findNamed(String ownerId, String name) {
    String wanted = name == null ? "" : name.strip();
    return live(ownerId).stream().filter(p -> p.name().equalsIgnoreCase(wanted)).findFirst();
  }

  @Override
  public synchronized List<Project> listOwned(String ownerId, int limit, int offset) {
    List<Project> newestFirst = new ArrayList<>(live(ownerId));
    Collections.reverse(newestFirst);
    return newestFirst.stream().skip(offset).limit(limit).toList();
  }

  @Override
  public synchronized Optional<Project> rename(String ownerId, String projectId, String name) {
    String checked = ProjectNames.checked(name);
    Optional<Project> project = findOwned(ownerId, projectId);
    if (project.isEmpty()) {
      return Optional.empty();
    }
    Optional<Project> other = findNamed(ownerId, checked);
    if (other.isPresent() && !other.get().id().equals(projectId)) {
      throw new DuplicateProjectException(checked);
    }
    Project renamed = new Project(projectId, ownerId, checked, project.get().createdAt(), now());
    projects.put(projectId, renamed);
    return Optional.of(renamed);
  }

  @Override
  public synchronized boolean delete(String ownerId, String projectId) {
    if (findOwned(ownerId, projectId).isEmpty()) {
      return false;
    }
    deleted.add(projectId);
    return true;
  }

  private List<Project> live(String ownerId) {
    return projects.values().stream()
        .filter(p -> p.ownerId().equals(ownerId))
        .filter(p -> !deleted.contains(p.id()))
        .toList();
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
