package dev.forgeflow.orchestrator.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.deploy.Deployments;
import dev.forgeflow.sandbox.deploy.EgressRules;
import dev.forgeflow.sandbox.deploy.Janitor;
import dev.forgeflow.sandbox.docker.DockerClients;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.store.DeploymentRecord;
import dev.forgeflow.store.InMemoryStores;
import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The scheduled janitor on the real engine: its first sweep runs at start, removes the check
 * containers of runs that are over and keeps those of runs still going, and forgets deployment rows
 * whose container is gone — all within its own instance.
 */
class DeploymentJanitorIT {

  private final DockerClient docker = DockerClients.connect(System.getenv());
  private final SandboxInstance instance = SandboxInstance.of("janitor-it-" + UUID.randomUUID());
  private final SandboxInstance other = SandboxInstance.of("janitor-it-" + UUID.randomUUID());
  private final Stores stores = InMemoryStores.create();
  private final List<String> containers = new ArrayList<>();

  @AfterEach
  void removeContainers() {
    for (String id : containers) {
      try {
        docker.removeContainerCmd(id).withForce(true).exec();
      } catch (NotFoundException gone) {
        // the janitor took it
      }
    }
  }

  @Test
  void theFirstSweepRunsAtStartAndTakesOnlyWhatIsOverInItsOwnInstance() throws Exception {
    String finished = run("FAILED");
    String running = run("RUNNING");
    String finishedCheck = checkContainer(instance, finished);
    String runningCheck = checkContainer(instance, running);
    String otherInstancesCheck = checkContainer(other, finished);
    stores
        .deployments()
        .save(
            new DeploymentRecord(
                "project-gone",
                finished,
                "0123456789ab",
                "image",
                40000,
                "http://127.0.0.1:40000",
                "healthy",
                OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)));
    // Two hours from now, every container made above is older than the stale bound.
    Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(2));

    try (DeploymentJanitor janitor = janitor(later)) {
      janitor.start();
      // the sweep removes containers first, then the records whose container is gone
      awaitSwept(finishedCheck);
    }

    assertThat(exists(finishedCheck)).isFalse();
    assertThat(exists(runningCheck)).isTrue();
    assertThat(exists(otherInstancesCheck)).isTrue();
    assertThat(stores.deployments().all()).isEmpty();
  }

  private DeploymentJanitor janitor(Clock clock) {
    Deployments deployments = new Deployments(docker, new EgressRules(), instance);
    return new DeploymentJanitor(
        new Janitor(docker, deployments), deployments, stores.deployments(), stores.runs(), clock);
  }

  private String run(String status) {
    String runId = stores.runs().create(new NewRun("a notes service", null));
    stores.runs().setStatus(runId, status);
    return runId;
  }

  /** A created (never started) container labelled as a check container of the run. */
  private String checkContainer(SandboxInstance owner, String runId) {
    String image = System.getenv("FORGEFLOW_SANDBOX_BASE_IMAGE");
    assertThat(image).as("FORGEFLOW_SANDBOX_BASE_IMAGE names the sandbox base image").isNotBlank();
    String id =
        docker
            .createContainerCmd(image)
            .withCmd("true")
            .withLabels(ProjectImages.labels(owner, runId, "bundle"))
            .exec()
            .getId();
    containers.add(id);
    return id;
  }

  private boolean exists(String id) {
    try {
      docker.inspectContainerCmd(id).exec();
      return true;
    } catch (NotFoundException gone) {
      return false;
    }
  }

  private void awaitSwept(String id) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    while ((exists(id) || !stores.deployments().all().isEmpty())
        && Instant.now().isBefore(deadline)) {
      Thread.sleep(100);
    }
  }
}
