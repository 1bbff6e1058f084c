package dev.forgeflow.gateway;

import dev.forgeflow.store.RunRecord;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A fake sandbox behind the gateway: it deploys nothing, but records what it was asked, reports the
 * services it was told about, plays scripted log lines, and points the proxy at whatever URL a test
 * serves the "service" from.
 */
final class FakeDeploymentPort implements DeploymentPort {

  /** A deploy the gateway asked for. */
  record Deploy(String runId, String bundleId) {}

  final List<Deploy> deploys = new CopyOnWriteArrayList<>();
  final Map<String, Status> services = new ConcurrentHashMap<>();
  final Map<String, URI> targets = new ConcurrentHashMap<>();
  final Map<String, List<String>> logs = new ConcurrentHashMap<>();

  /** The {@code follow} of each log request, in order. */
  final List<Boolean> follows = new CopyOnWriteArrayList<>();

  volatile String unavailable;
  volatile boolean busy;

  @Override
  public Optional<String> unavailable() {
    return Optional.ofNullable(unavailable);
  }

  @Override
  public void deploy(RunRecord run, String bundleId) {
    if (busy) {
      throw new Busy("A deploy of run " + run.id() + " is in progress");
    }
    deploys.add(new Deploy(run.id(), bundleId));
    services.put(run.id(), new Status("deploying", null, bundleId, null));
  }

  /** The run now has a healthy service answering at {@code url}. */
  void serve(String runId, URI url, String bundleId) {
    services.put(
        runId, new Status("healthy", url.toString(), bundleId, OffsetDateTime.now().plusHours(1)));
    targets.put(runId, url);
  }

  @Override
  public Optional<Status> status(String runId) {
    return Optional.ofNullable(services.get(runId));
  }

  @Override
  public List<String> deployedRuns() {
    return List.copyOf(services.keySet());
  }

  @Override
  public boolean stop(String runId) {
    targets.remove(runId);
    return services.remove(runId) != null;
  }

  @Override
  public AutoCloseable followLogs(
      String runId, int tail, boolean follow, Consumer<String> lines, Runnable ended) {
    follows.add(follow);
    List<String> script = logs.get(runId);
    if (script == null || !services.containsKey(runId)) {
      throw new NoSuchElementException("no service");
    }
    List<String> last = script.subList(Math.max(0, script.size() - tail), script.size());
    last.forEach(lines);
    ended.run();
    return () -> {};
  }

  @Override
  public Optional<URI> target(String runId) {
    return Optional.ofNullable(targets.get(runId));
  }
}
