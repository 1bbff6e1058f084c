package dev.forgeflow.orchestrator.deploy;

import dev.forgeflow.store.SandboxHosts;
import dev.forgeflow.workflows.sandbox.PlacementInput;
import dev.forgeflow.workflows.sandbox.SandboxHost;
import dev.forgeflow.workflows.sandbox.SandboxPlacement;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sandbox runner's answer to a run asking for a Docker host: among the live runners (each says it
 * is alive every few seconds), the one with the fewest unfinished runs — itself or another — chosen
 * and recorded on the run in one step, so runs spread over the hosts and a later deploy or stop of
 * the run finds the host its images and service are on.
 */
public final class RecordedPlacement implements SandboxPlacement {
  /** How recently a runner must have said it is alive to be chosen. */
  public static final Duration LIVE = Duration.ofSeconds(20);

  private static final Logger LOG = LoggerFactory.getLogger(RecordedPlacement.class);

  private final SandboxHost self;
  private final SandboxHosts hosts;

  public RecordedPlacement(SandboxHost self, SandboxHosts hosts) {
    this.self = self;
    this.hosts = hosts;
  }

  @Override
  public SandboxHost place(PlacementInput input) {
    Optional<String> chosen;
    try {
      chosen = hosts.place(input.runId(), LIVE, input.previousHost());
    } catch (NoSuchElementException unknown) {
      // a run this database does not hold: this runner takes it, unrecorded
      LOG.warn("placed run {} on {} without a stored run to record it on", input.runId(), self);
      return self;
    }
    if (chosen.isEmpty()) {
      // this runner is up but not yet registered (or its heartbeats lag): retried shortly
      throw ApplicationFailure.newFailure(
          "no sandbox host has said it is alive in the last " + LIVE.toSeconds() + " s",
          "NoLiveSandboxHost");
    }
    if (input.previousHost() != null) {
      LOG.info("run {} moved from host {} to {}", input.runId(), input.previousHost(), chosen);
    }
    return SandboxHost.named(chosen.get());
  }
}
