package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.workflows.sandbox.Deployment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JanitorIT {

  private final DeployFixture fixture = new DeployFixture();
  private final DeployFixture yesterday =
      new DeployFixture(Clock.fixed(Instant.now().minus(Duration.ofHours(25)), ZoneOffset.UTC));
  private final Janitor janitor = new Janitor(fixture.deployments);
  private final String expiredProject = DeployFixture.project();
  private final String liveProject = DeployFixture.project();
  private final String orphanProject = DeployFixture.project();

  @AfterEach
  void cleanUp() {
    for (String project : Set.of(expiredProject, liveProject, orphanProject)) {
      fixture.deployments.stop(project);
    }
    fixture.close();
    yesterday.close();
  }

  @Test
  void removesDeploymentsPastTheirExpiryAndKeepsTheOthers() {
    Deployment expired = yesterday.deploy(expiredProject, SampleProjects.good());
    Deployment live = fixture.deploy(liveProject, SampleProjects.good());

    assertThat(janitor.removeExpired(Instant.now())).contains(expired.containerId());

    assertThat(fixture.deployments.containersOf(expiredProject)).isEmpty();
    assertThat(fixture.deployments.containersOf(liveProject))
        .singleElement()
        .satisfies(c -> assertThat(c.getId()).isEqualTo(live.containerId()));
  }

  @Test
  void removesDeploymentsNoKnownDeploymentOwns() {
    Deployment owned = fixture.deploy(liveProject, SampleProjects.good());
    Deployment orphan = fixture.deploy(orphanProject, SampleProjects.good());
    Set<String> known = deploymentIds();
    known.remove(orphan.containerId());

    assertThat(janitor.removeOrphans(known)).containsExactly(orphan.containerId());

    assertThat(fixture.deployments.containersOf(orphanProject)).isEmpty();
    assertThat(fixture.deployments.containersOf(liveProject))
        .singleElement()
        .satisfies(c -> assertThat(c.getId()).isEqualTo(owned.containerId()));
    assertThat(fixture.rules.bridges())
        .contains(SandboxNetwork.bridge(liveProject))
        .doesNotContain(SandboxNetwork.bridge(orphanProject));
  }

  @Test
  void removesANetworkWithoutContainerAndRulesWithoutNetwork() {
    SandboxNetwork networks = fixture.deployments.networks();
    String network =
        networks.create(
            orphanProject,
            ServiceContainer.labels("run-x", orphanProject, "bundle-x", Instant.now()));
    String strayBridge = SandboxNetwork.bridge(liveProject);
    fixture.rules.install(strayBridge);

    janitor.removeOrphans(deploymentIds());

    assertThat(fixture.rules.bridges())
        .doesNotContain(SandboxNetwork.bridge(orphanProject), strayBridge);
    assertThat(
            fixture.docker.listNetworksCmd().withNameFilter(network).exec().stream()
                .filter(n -> n.getName().equals(network)))
        .isEmpty();
  }

  /** Every deployment on the daemon now, so that the test never removes one it did not make. */
  private Set<String> deploymentIds() {
    return fixture.deployments.list().stream()
        .map(DeploymentInfo::containerId)
        .collect(Collectors.toCollection(java.util.HashSet::new));
  }
}
