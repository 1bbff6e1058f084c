package dev.forgeflow.store;

import java.util.List;
import java.util.Optional;

/**
 * Which container serves which project, keyed by the project's id (not its name): what the janitor
 * goes by.
 */
public interface DeploymentStore {

  /**
   * Records the project's deployment, replacing the project's previous one.
   *
   * @throws java.util.NoSuchElementException if the run does not exist
   */
  void save(DeploymentRecord deployment);

  Optional<DeploymentRecord> find(String project);

  /** Every recorded deployment, by project id. */
  List<DeploymentRecord> all();

  /** Forgets the project's deployment; forgetting one that is not there is harmless. */
  void remove(String project);
}
