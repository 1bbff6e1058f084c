package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.exception.NotFoundException;
import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SampleProjects.StoredBundle;
import dev.forgeflow.sandbox.SandboxEngine;
import dev.forgeflow.sandbox.image.ProjectImage;
import dev.forgeflow.sandbox.image.ProjectImages;
import dev.forgeflow.workflows.sandbox.Deployment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JanitorIT {

  private final DeployFixture fixture = new DeployFixture();
  private final DeployFixture yesterday =
      new DeployFixture(
          Clock.fixed(Instant.now().minus(Duration.ofHours(25)), ZoneOffset.UTC),
          fixture.rules,
          fixture.instance);
  private final DeployFixture otherInstance = new DeployFixture();
  private final Janitor janitor = new Janitor(fixture.docker, fixture.deployments);
  private final String expiredProject = DeployFixture.project();
  private final String liveProject = DeployFixture.project();
  private final String orphanProject = DeployFixture.project();

  @AfterEach
  void cleanUp() {
    for (String project : Set.of(expiredProject, liveProject, orphanProject)) {
      fixture.deployments.stop(project);
      otherInstance.deployments.stop(project);
    }
    fixture.close();
    yesterday.close();
    otherInstance.close();
  }

  @Test
  void removesDeploymentsPastTheirExpiryAndKeepsTheOthers() {
    Deployment expired = yesterday.deploy(expiredProject, SampleProjects.good());
    Deployment live = fixture.deploy(liveProject, SampleProjects.good());

    assertThat(janitor.removeExpired(Instant.now())).containsExactly(expired.containerId());

    assertThat(fixture.deployments.containersOf(expired.project())).isEmpty();
    assertThat(fixture.deployments.containersOf(live.project()))
        .singleElement()
        .satisfies(c -> assertThat(c.getId()).isEqualTo(live.containerId()));
  }

  @Test
  void removesDeploymentsNoKnownDeploymentOwnsOnceOlderThanTheBound() {
    Deployment owned = fixture.deploy(liveProject, SampleProjects.good());
    Deployment orphan = fixture.deploy(orphanProject, SampleProjects.good());

    assertThat(janitor.removeOrphans(Set.of(owned.containerId()), Instant.now().minusSeconds(600)))
        .isEmpty();
    assertThat(janitor.removeOrphans(Set.of(owned.containerId()), Instant.now().plusSeconds(5)))
        .containsExactly(orphan.containerId());

    assertThat(fixture.deployments.containersOf(orphan.project())).isEmpty();
    assertThat(fixture.deployments.containersOf(owned.project()))
        .singleElement()
        .satisfies(c -> assertThat(c.getId()).isEqualTo(owned.containerId()));
    assertThat(fixture.rules.bridges())
        .contains(fixture.bridge(owned))
        .doesNotContain(fixture.bridge(orphan));
  }

  @Test
  void twoInstancesDeployTheSameNameAndOnesSweepLeavesTheOthersRunning() throws Exception {
    Deployment mine = fixture.deploy(liveProject, SampleProjects.good());
    Deployment theirs = otherInstance.deploy(liveProject, SampleProjects.good());
    assertThat(DeployFixture.get(mine.url() + "/notes").statusCode()).isEqualTo(200);
    assertThat(DeployFixture.get(theirs.url() + "/notes").statusCode()).isEqualTo(200);

    List<String> removed = janitor.removeOrphans(Set.of(), Instant.now().plusSeconds(5));
    janitor.removeExpired(Instant.now().plus(Duration.ofDays(2)));
    janitor.removeStale(Instant.now().plusSeconds(5), run -> false);

    assertThat(removed).containsExactly(mine.containerId());
    assertThat(otherInstance.deployments.list())
        .singleElement()
        .satisfies(d -> assertThat(d.status()).isEqualTo("running"));
    assertThat(DeployFixture.get(theirs.url() + "/notes").statusCode()).isEqualTo(200);
    assertThat(fixture.rules.bridges()).contains(otherInstance.bridge(theirs));
    assertThat(fixture.docker.inspectImageCmd(theirs.image()).exec()).isNotNull();
  }

  @Test
  void removesCheckContainersAndImagesOfRunsNoLongerLiveAndKeepsLiveOnes() {
    StoredBundle dead = fixture.store(SampleProjects.good());
    StoredBundle live = fixture.store(SampleProjects.good());
    ProjectImages images = new ProjectImages(fixture.docker, fixture.instance);
    ProjectImage deadImage =
        images.build(
            dead.runId(), dead.bundleId(), fixture.stores.bundles(), SandboxEngine.baseImage());
    ProjectImage liveImage =
        images.build(
            live.runId(), live.bundleId(), fixture.stores.bundles(), SandboxEngine.baseImage());
    String deadContainer = checkContainer(deadImage, dead);
    String liveContainer = checkContainer(liveImage, live);

    int removed =
        janitor.removeStale(Instant.now().plusSeconds(5), run -> run.equals(live.runId()));

    assertThat(removed).isEqualTo(2);
    assertThat(exists(() -> fixture.docker.inspectContainerCmd(deadContainer).exec())).isFalse();
    assertThat(exists(() -> fixture.docker.inspectImageCmd(deadImage.imageId()).exec())).isFalse();
    assertThat(exists(() -> fixture.docker.inspectContainerCmd(liveContainer).exec())).isTrue();
    assertThat(exists(() -> fixture.docker.inspectImageCmd(liveImage.imageId()).exec())).isTrue();
    fixture.docker.removeContainerCmd(liveContainer).withForce(true).exec();
  }

  @Test
  void removesANetworkWithoutContainerAndRulesWithoutNetwork() {
    SandboxNetwork networks = fixture.deployments.networks();
    String orphanId = ProjectImages.project("orphan-" + orphanProject);
    String network =
        networks.ensure(
            fixture.instance,
            orphanId,
            ServiceContainer.labels(
                fixture.instance, "run-x", orphanProject, "bundle-x", Instant.now()));
    String strayBridge = SandboxNetwork.bridge(fixture.instance, "project-stray");
    fixture.rules.install(strayBridge);

    janitor.removeOrphans(Set.of(), Instant.now().minusSeconds(600));

    assertThat(fixture.rules.bridges())
        .doesNotContain(SandboxNetwork.bridge(fixture.instance, orphanId), strayBridge);
    assertThat(exists(() -> fixture.docker.inspectNetworkCmd().withNetworkId(network).exec()))
        .isFalse();
  }

  private String checkContainer(ProjectImage image, StoredBundle bundle) {
    return fixture
        .docker
        .createContainerCmd(image.tag())
        .withCmd("true")
        .withLabels(ProjectImages.labels(fixture.instance, bundle.runId(), bundle.bundleId()))
        .exec()
        .getId();
  }

  private static boolean exists(Runnable inspect) {
    try {
      inspect.run();
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }
}
