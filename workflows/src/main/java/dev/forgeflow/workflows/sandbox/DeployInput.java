package dev.forgeflow.workflows.sandbox;

/**
 * An approved bundle version of a project to run as that project's service.
 *
 * @param sandboxHost the Docker host to deploy on (the one that built the run's images); null to
 *     place the deploy on any live host
 */
public record DeployInput(String runId, String project, String bundleId, String sandboxHost) {

  /** A deploy on the run's own host, or any when the run has none. */
  public DeployInput(String runId, String project, String bundleId) {
    this(runId, project, bundleId, null);
  }
}
