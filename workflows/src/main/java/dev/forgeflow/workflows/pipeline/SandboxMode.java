package dev.forgeflow.workflows.pipeline;

/** How far a run goes into the sandbox. */
public enum SandboxMode {
  /** No Docker work: the run ends with a reviewed bundle. */
  OFF,
  /** Every round's bundle is built and checked; an approved run is tested, not deployed. */
  CHECK,
  /** Checked, and an approved bundle is deployed as the project's service. */
  DEPLOY;

  public boolean checks() {
    return this != OFF;
  }
}
