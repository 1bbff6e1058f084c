package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import dev.forgeflow.workflows.sandbox.Deployment;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a deployed service tries and cannot do, proven on a service with probe endpoints (outbound
 * connections: {@link EgressIT}).
 */
class IsolationIT {

  private static DeployFixture fixture;
  private static String project;
  private static Deployment deployment;

  @BeforeAll
  static void deployTheProbeService() {
    fixture = new DeployFixture();
    project = DeployFixture.project();
    deployment = fixture.deploy(project, DeployFixture.probeProject());
  }

  @AfterAll
  static void removeIt() {
    if (fixture != null) {
      fixture.deployments.stop(project);
      fixture.close();
    }
  }

  @Test
  void writingOutsideTmpFails() throws Exception {
    assertThat(probe("/probe/write?path=/tmp/probe").get("written").asBoolean()).isTrue();
    for (String path : new String[] {"/app/probe", "/var/tmp/probe", "/probe", "/dev/shm/probe"}) {
      JsonNode outcome = probe("/probe/write?path=" + path);
      assertThat(outcome.get("written").asBoolean()).as(path).isFalse();
    }
    assertThat(probe("/probe/write?path=/var/tmp/probe").get("error").asText())
        .contains("Read-only file system");
  }

  @Test
  void anUnboundedForkIsStoppedByThePidsLimitAndTheServiceSurvives() throws Exception {
    JsonNode outcome = probe("/probe/fork?limit=1000");

    assertThat(outcome.get("forked").asInt()).isBetween(1, 127);
    assertThat(outcome.get("error").asText()).contains("Resource temporarily unavailable");
    assertThat(DeployFixture.get(deployment.url() + "/health").statusCode()).isEqualTo(200);
    assertThat(inspect().getHostConfig().getPidsLimit()).isEqualTo(128L);
  }

  @Test
  void thereIsNoDockerSocketInside() throws Exception {
    for (String path : new String[] {"/var/run/docker.sock", "/run/docker.sock"}) {
      assertThat(probe("/probe/exists?path=" + path).get("exists").asBoolean()).as(path).isFalse();
    }
    assertThat(probe("/probe/exists?path=/app/app/main.py").get("exists").asBoolean()).isTrue();
    assertThat(inspect().getMounts()).allSatisfy(m -> assertThat(m.getSource()).isNullOrEmpty());
  }

  @Test
  void theEnvironmentIsExactlyTheConfiguredOneAndNothingOfTheHosts() throws Exception {
    InspectContainerResponse container = inspect();
    JsonNode env = probe("/probe/env");
    Set<String> names = new LinkedHashSet<>();
    env.fieldNames().forEachRemaining(names::add);

    assertThat(container.getConfig().getEnv())
        .containsExactlyInAnyOrderElementsOf(expectedEnv(container));
    Set<String> expectedNames =
        Set.of("HOME", "PYTHONDONTWRITEBYTECODE", "PYTHONUNBUFFERED", "LANG", "PATH", "HOSTNAME");
    assertThat(names).containsExactlyInAnyOrderElementsOf(expectedNames);
    assertThat(env.get("HOME").asText()).isEqualTo("/tmp");
    assertThat(names).noneMatch(n -> n.startsWith("FORGEFLOW_") || n.startsWith("JAVA_"));
    for (String hostVariable : System.getenv().keySet()) {
      if (!expectedNames.contains(hostVariable)) {
        assertThat(names).as("host variable %s", hostVariable).doesNotContain(hostVariable);
      }
    }
  }

  @Test
  void theContainerIsLockedDownByConfiguration() {
    InspectContainerResponse container = inspect();
    HostConfig host = container.getHostConfig();

    assertThat(container.getConfig().getUser()).isEqualTo("10001:10001");
    assertThat(host.getReadonlyRootfs()).isTrue();
    assertThat(host.getTmpFs()).containsOnlyKeys("/tmp");
    assertThat(host.getCapDrop()).containsExactly(Capability.ALL);
    assertThat(host.getCapAdd()).isNullOrEmpty();
    assertThat(host.getSecurityOpts()).containsExactly("no-new-privileges");
    assertThat(host.getPrivileged()).isFalse();
    assertThat(host.getMemory()).isEqualTo(256L * 1024 * 1024);
    assertThat(host.getMemorySwap()).isEqualTo(256L * 1024 * 1024);
    assertThat(host.getNanoCPUs()).isEqualTo(1_000_000_000L);
    assertThat(host.getSysctls()).containsEntry("net.ipv6.conf.all.disable_ipv6", "1");
    assertThat(host.getNetworkMode()).isEqualTo(fixture.network(deployment));
    assertThat(container.getNetworkSettings().getNetworks())
        .containsOnlyKeys(host.getNetworkMode());
  }

  @Test
  void allocatingPastTheMemoryLimitGetsTheServiceKilledAndReportedAsSo() throws Exception {
    String oomProject = DeployFixture.project();
    try {
      Deployment hungry = fixture.deploy(oomProject, DeployFixture.probeProject());
      try {
        DeployFixture.get(hungry.url() + "/probe/allocate?megabytes=600");
      } catch (IOException expected) {
        // the service dies mid-request
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (Boolean.TRUE.equals(state(hungry).getRunning()) && System.nanoTime() < deadline) {
        Thread.sleep(200);
      }

      assertThat(state(hungry).getOOMKilled()).isTrue();
      assertThat(fixture.deployments.list())
          .filteredOn(d -> oomProject.equals(d.name()))
          .singleElement()
          .satisfies(d -> assertThat(d.status()).isEqualTo("oom-killed"));
    } finally {
      fixture.deployments.stop(oomProject);
    }
  }

  private static InspectContainerResponse.ContainerState state(Deployment d) {
    return fixture.docker.inspectContainerCmd(d.containerId()).exec().getState();
  }

  private static InspectContainerResponse inspect() {
    return fixture.docker.inspectContainerCmd(deployment.containerId()).exec();
  }

  private static java.util.List<String> expectedEnv(InspectContainerResponse container) {
    java.util.List<String> expected = new ArrayList<>(ServiceContainer.ENV);
    expected.add("LANG=C.UTF-8");
    java.util.Arrays.stream(container.getConfig().getEnv())
        .filter(e -> e.startsWith("PATH="))
        .forEach(expected::add);
    return expected;
  }

  private static JsonNode probe(String pathAndQuery) throws Exception {
    return DeployFixture.probe(deployment, pathAndQuery);
  }
}
