package dev.forgeflow.workflows.sandbox;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** Running approved services, on the sandbox runner's task queue next to the checks. */
@ActivityInterface
public interface DeployActivities {

  /**
   * The failure type of a deploy refused because the runner cannot install the no-egress firewall
   * rules (no root, no iptables): nothing was started, and the approved project stays approved.
   */
  String EGRESS_RULES_UNAVAILABLE = "EgressRulesUnavailable";

  /**
   * Runs the bundle's project image as the project's service, isolated (non-root, read-only root
   * with tmpfs {@code /tmp}, no capabilities, no-new-privileges, memory/CPU/pids limits, no egress,
   * published on 127.0.0.1 only), replacing the project's previous container, and waits for its
   * health check, heartbeating. Journals {@code deploy.ready} or {@code deploy.failed}.
   */
  @ActivityMethod
  Deployment deploy(DeployInput input);

  /**
   * Removes every container and image the run created; idempotent (missing ones are fine). The
   * compensation of the sandbox saga.
   */
  @ActivityMethod
  void removeRunResources(String runId);

  /**
   * Stops the service the run deployed, on this host; idempotent.
   *
   * @return whether a service was running
   */
  @ActivityMethod
  boolean stopService(String runId);
}
