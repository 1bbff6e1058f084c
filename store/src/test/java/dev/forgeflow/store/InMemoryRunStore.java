package dev.forgeflow.store;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
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
    runs.put(id, new RunRecord(id, prompt, QUEUED, null, options, null, now, now, run.ownerId()));
    return id;
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
                r.ownerId()));
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
                r.ownerId()));
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
                r.ownerId()));
  }

  @Override
  public synchronized List<RunRecord> recent(int limit) {
    List<RunRecord> newestFirst = new ArrayList<>(runs.values());
    Collections.reverse(newestFirst);
    return List.copyOf(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
  }

  @Override
  public synchronized Optional<RunRecord> findOwned(String ownerId, String runId) {
    return find(runId).filter(run -> ownerId != null && ownerId.equals(run.ownerId()));
  }

  @Override
  public synchronized List<RunRecord> recentOwned(String ownerId, int limit) {
    List<RunRecord> newestFirst =
        new ArrayList<>(
            runs.values().stream().filter(run -> Objects.equals(ownerId, run.ownerId())).toList());
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
