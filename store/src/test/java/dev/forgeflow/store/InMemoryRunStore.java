package dev.forgeflow.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/** A fake {@link RunStore} in memory; thread-safe. */
public final class InMemoryRunStore implements RunStore {

  private final Map<String, RunRecord> runs = new LinkedHashMap<>();
  private final Map<String, String> sandboxHosts = new java.util.HashMap<>();
  private final Predicate<String> isUser;

  /** A store whose runs may be owned by the users {@code isUser} knows. */
  InMemoryRunStore(Predicate<String> isUser) {
    this.isUser = isUser;
  }

  @Override
  public synchronized String create(NewRun run) {
    if (run.ownerId() != null && !isUser.test(run.ownerId())) {
      throw new NoSuchElementException("No user " + run.ownerId() + " to own a new run");
    }
    String id = UUID.randomUUID().toString();
    OffsetDateTime now = now();
    String prompt = StorableText.of(run.prompt());
    String options = StorableJson.of(run.optionsJson(), "the options of a new run");
    runs.put(
        id,
        new RunRecord(
            id, prompt, QUEUED, null, options, null, now, now, run.ownerId(), run.projectId()));
    return id;
  }

  private final Map<List<String>, String> keyed = new HashMap<>();
  private final Map<String, String> requestHashes = new HashMap<>();
  private Predicate<String> deletedProject = id -> false;

  /** Runs of the projects this says are deleted are found by no owner. */
  synchronized void hideProjects(Predicate<String> deleted) {
    this.deletedProject = deleted;
  }

  @Override
  public synchronized CreatedRun createOnce(NewRun run, String idempotencyKey, String requestHash) {
    if (run.ownerId() == null) {
      throw new IllegalArgumentException("Only a run with an owner can be created once per key");
    }
    if (idempotencyKey == null || idempotencyKey.isEmpty() || idempotencyKey.length() > 255) {
      throw new IllegalArgumentException("An idempotency key has 1 to 255 characters");
    }
    List<String> key = List.of(run.ownerId(), idempotencyKey);
    String first = keyed.get(key);
    if (first != null) {
      if (!Objects.equals(requestHashes.get(first), requestHash)) {
        throw new IdempotencyConflictException(first);
      }
      return new CreatedRun(runs.get(first), false);
    }
    String id = create(run);
    keyed.put(key, id);
    requestHashes.put(id, requestHash);
    return new CreatedRun(runs.get(id), true);
  }

  @Override
  public synchronized RunPage listOwned(RunQuery query) {
    List<RunRecord> newestFirst = new ArrayList<>(visible(query.ownerId()));
    Collections.reverse(newestFirst);
    int start = 0;
    if (query.after() != null) {
      RunCursor cursor = RunCursor.parse(query.after());
      start = newestFirst.size();
      for (int i = 0; i < newestFirst.size(); i++) {
        if (newestFirst.get(i).id().equals(cursor.id())) {
          start = i + 1;
        }
      }
    }
    List<RunRecord> matching =
        newestFirst.subList(start, newestFirst.size()).stream()
            .filter(run -> query.projectId() == null || query.projectId().equals(run.projectId()))
            .filter(run -> query.status() == null || query.status().equals(run.status()))
            .toList();
    if (matching.size() <= query.limit()) {
      return new RunPage(matching, null);
    }
    List<RunRecord> page = matching.subList(0, query.limit());
    return new RunPage(page, RunCursor.of(page.get(page.size() - 1)));
  }

  @Override
  public synchronized List<RunRecord> runsOf(String ownerId, String projectId) {
    List<RunRecord> newestFirst =
        new ArrayList<>(
            runs.values().stream()
                .filter(run -> Objects.equals(ownerId, run.ownerId()))
                .filter(run -> Objects.equals(projectId, run.projectId()))
                .toList());
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  private List<RunRecord> visible(String ownerId) {
    return runs.values().stream()
        .filter(run -> ownerId != null && ownerId.equals(run.ownerId()))
        .filter(run -> run.projectId() == null || !deletedProject.test(run.projectId()))
        .toList();
  }

  @Override
  public synchronized void setSandboxHost(String runId, String host) {
    if (!runs.containsKey(runId)) {
      throw new java.util.NoSuchElementException("no run " + runId);
    }
    sandboxHosts.put(runId, host);
  }

  @Override
  public synchronized Optional<String> sandboxHost(String runId) {
    return Optional.ofNullable(sandboxHosts.get(runId));
  }

  @Override
  public synchronized Optional<RunRecord> find(String runId) {
    return Optional.ofNullable(runs.get(runId));
  }

  @Override
  public void setStatus(String runId, String status) {
    update(
        runId,
        r ->
            new RunRecord(
                r.id(),
                r.prompt(),
                status,
                r.projectName(),
                r.optionsJson(),
                r.resultJson(),
                r.createdAt(),
                now(),
                r.ownerId(),
                r.projectId()));
  }

  @Override
  public void setProjectName(String runId, String name) {
    update(
        runId,
        r ->
            new RunRecord(
                r.id(),
                r.prompt(),
                r.status(),
                StorableText.of(name),
                r.optionsJson(),
                r.resultJson(),
                r.createdAt(),
                now(),
                r.ownerId(),
                r.projectId()));
  }

  @Override
  public void setResult(String runId, String resultJson) {
    String storable = StorableJson.of(resultJson, "the result of run " + runId);
    update(
        runId,
        r ->
            new RunRecord(
                r.id(),
                r.prompt(),
                r.status(),
                r.projectName(),
                r.optionsJson(),
                storable,
                r.createdAt(),
                now(),
                r.ownerId(),
                r.projectId()));
  }

  @Override
  public synchronized List<RunRecord> recent(int limit) {
    List<RunRecord> newestFirst = new ArrayList<>(runs.values());
    Collections.reverse(newestFirst);
    return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
  }

  @Override
  public synchronized Optional<RunRecord> findOwned(String ownerId, String runId) {
    return find(runId).filter(visible(ownerId)::contains);
  }

  @Override
  public synchronized List<RunRecord> recentOwned(String ownerId, int limit) {
    List<RunRecord> newestFirst = new ArrayList<>(visible(ownerId));
    Collections.reverse(newestFirst);
    return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
  }

  /** Throws the contract's exception unless the run exists. */
  synchronized void requireRun(String runId) {
    if (!runs.containsKey(runId)) {
      throw RunMustExist.noSuchRun(runId);
    }
  }

  private synchronized void update(String runId, UnaryOperator<RunRecord> change) {
    requireRun(runId);
    runs.put(runId, change.apply(runs.get(runId)));
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
  }
}
