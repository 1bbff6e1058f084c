package dev.forgeflow.orchestrator.deploy;

import dev.forgeflow.sandbox.deploy.DeploymentInfo;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.Janitor;
import dev.forgeflow.store.DeploymentRecord;
import dev.forgeflow.store.DeploymentStore;
import dev.forgeflow.store.RunStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps this instance's sandbox resources once at start and then every {@link #EVERY}, on one
 * scheduled thread started and stopped with the sandbox worker: expired deployments, deployment
 * containers no row owns (older than {@link #ORPHAN_AGE}, so a deploy under way is never taken),
 * check containers and images of runs that are over (older than {@link #STALE_AGE}); rows whose
 * container is gone are forgotten. A failed sweep is logged in one line and tried again next time.
 */
public final class DeploymentJanitor implements AutoCloseable {
  static final Duration EVERY = Duration.ofMinutes(1);
  static final Duration ORPHAN_AGE = Duration.ofMinutes(5);
  static final Duration STALE_AGE = Duration.ofHours(1);
  private static final Set<String> OVER = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
  private static final Logger LOG = LoggerFactory.getLogger(DeploymentJanitor.class);

  private final Janitor janitor;
  private final Deployments sandbox;
  private final DeploymentStore deployments;
  private final RunStore runs;
  private final Clock clock;
  private final ScheduledExecutorService schedule =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "forgeflow-janitor");
            thread.setDaemon(true);
            return thread;
          });

  public DeploymentJanitor(
      Janitor janitor,
      Deployments sandbox,
      DeploymentStore deployments,
      RunStore runs,
      Clock clock) {
    this.janitor = janitor;
    this.sandbox = sandbox;
    this.deployments = deployments;
    this.runs = runs;
    this.clock = clock;
  }

  /** Sweeps now, in the background, and then every {@link #EVERY}. */
  public void start() {
    schedule.scheduleWithFixedDelay(this::sweepQuietly, 0, EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void sweepQuietly() {
    try {
      sweep();
    } catch (RuntimeException e) {
      LOG.warn("the sandbox janitor's sweep failed, trying again in {}: {}", EVERY, e.getMessage());
    }
  }

  /** One sweep; see the class comment. */
  void sweep() {
    Instant now = clock.instant();
    Set<String> owned =
        deployments.all().stream().map(DeploymentRecord::containerId).collect(Collectors.toSet());
    List<String> orphans = janitor.removeOrphans(owned, now.minus(ORPHAN_AGE));
    List<String> expired = janitor.removeExpired(now);
    int stale = janitor.removeStale(now.minus(STALE_AGE), this::live);
    Set<String> alive =
        sandbox.list().stream().map(DeploymentInfo::containerId).collect(Collectors.toSet());
    for (DeploymentRecord record : deployments.all()) {
      if (!alive.contains(record.containerId())) {
        deployments.remove(record.project());
      }
    }
    if (!orphans.isEmpty() || !expired.isEmpty() || stale > 0) {
      LOG.info(
          "janitor removed {} orphaned and {} expired deployments, {} stale check resources",
          orphans.size(),
          expired.size(),
          stale);
    }
  }

  private boolean live(String runId) {
    return runs.find(runId).map(run -> !OVER.contains(run.status())).orElse(false);
  }

  @Override
  public void close() {
    schedule.shutdownNow();
  }
}
