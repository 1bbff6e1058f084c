package dev.forgeflow.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** What every {@link DeploymentStore} promises; run against each implementation. */
abstract class DeploymentStoreContract {
  private static final OffsetDateTime EXPIRES =
      OffsetDateTime.of(2030, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC);

  private final RunStore runs;
  private final DeploymentStore deployments;

  protected DeploymentStoreContract(Stores stores) {
    this.runs = stores.runs();
    this.deployments = stores.deployments();
  }

  @Test
  void aRedeployReplacesTheProjectsRecord() {
    String project = "shop-" + System.nanoTime();
    DeploymentRecord first = record(project, newRun(), "container-a", 41001);
    DeploymentRecord second = record(project, newRun(), "container-b", 41002);

    deployments.save(first);
    deployments.save(second);

    assertThat(deployments.find(project)).contains(second);
    assertThat(deployments.all())
        .filteredOn(d -> d.project().equals(project))
        .containsExactly(second);
  }

  @Test
  void removingForgetsTheProjectAndIsHarmlessTwice() {
    String project = "notes-" + System.nanoTime();
    deployments.save(record(project, newRun(), "container-c", 41003));

    deployments.remove(project);
    deployments.remove(project);

    assertThat(deployments.find(project)).isEmpty();
  }

  @Test
  void aDeploymentNeedsItsRun() {
    assertThatThrownBy(() -> deployments.save(record("ghost", "no-such-run", "c", 1)))
        .isInstanceOf(NoSuchElementException.class)
        .hasMessageContaining("no-such-run");
  }

  private String newRun() {
    return runs.create(new NewRun("a service", "{}"));
  }

  private static DeploymentRecord record(String project, String run, String container, int port) {
    return new DeploymentRecord(
        project,
        run,
        container,
        "forgeflow/project-x:1",
        port,
        "http://127.0.0.1:" + port,
        "healthy",
        EXPIRES);
  }
}
