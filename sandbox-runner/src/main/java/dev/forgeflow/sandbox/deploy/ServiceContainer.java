package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a project's service container is made: uid 10001, read-only root with a tmpfs {@code /tmp},
 * no capabilities, no new privileges, no IPC namespace to share, no IPv6, memory / CPU / pids
 * limits, an environment of exactly {@link #ENV}, on its own network, port 8000 published on
 * 127.0.0.1 only.
 */
final class ServiceContainer {

  static final String DEPLOYMENT_LABEL = "dev.forgeflow.deployment";
  static final String EXPIRES_LABEL = "dev.forgeflow.expires";
  static final String USER = "10001:10001";
  static final int PORT = 8000;
  static final String LOOPBACK = "127.0.0.1";
  static final List<String> ENV =
      List.of("HOME=/tmp", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1");

  /** No IPv6 inside: the bridge's firewall rules are IPv4 rules. */
  static final Map<String, String> NO_IPV6 =
      Map.of("net.ipv6.conf.all.disable_ipv6", "1", "net.ipv6.conf.default.disable_ipv6", "1");

  static final List<String> COMMAND =
      List.of("python3", "-m", "uvicorn", "app.main:app", "--host", "0.0.0.0", "--port", "" + PORT);

  private ServiceContainer() {}

  /** The labels of a deployment container: project, run, bundle, deployment and expiry. */
  static Map<String, String> labels(
      String runId, String project, String bundleId, Instant expires) {
    Map<String, String> labels = new LinkedHashMap<>(ProjectImages.labels(runId, bundleId));
    labels.put(ProjectImages.PROJECT_LABEL, project);
    labels.put(DEPLOYMENT_LABEL, "true");
    labels.put(EXPIRES_LABEL, Long.toString(expires.getEpochSecond()));
    return labels;
  }

  static HostConfig hostConfig(String network, DeployLimits limits) {
    return HostConfig.newHostConfig()
        .withNetworkMode(network)
        .withPortBindings(new PortBinding(Ports.Binding.bindIp(LOOPBACK), ExposedPort.tcp(PORT)))
        .withReadonlyRootfs(true)
        .withTmpFs(Map.of("/tmp", "rw,nosuid,nodev,noexec,size=64m"))
        .withIpcMode("none")
        .withSysctls(NO_IPV6)
        .withCapDrop(Capability.ALL)
        .withSecurityOpts(List.of("no-new-privileges"))
        .withMemory(limits.memoryBytes())
        .withMemorySwap(limits.memoryBytes())
        .withPidsLimit(limits.pids())
        .withNanoCPUs(limits.nanoCpus());
  }

  /** Creates and starts the container; returns its id. Removes it again if it cannot start. */
  static String start(
      DockerClient docker,
      String image,
      String network,
      Map<String, String> labels,
      DeployLimits limits) {
    String id =
        docker
            .createContainerCmd(image)
            .withName(network)
            .withCmd(COMMAND)
            .withUser(USER)
            .withWorkingDir("/app")
            .withEnv(ENV)
            .withLabels(labels)
            .withExposedPorts(ExposedPort.tcp(PORT))
            .withHostConfig(hostConfig(network, limits))
            .exec()
            .getId();
    try {
      docker.startContainerCmd(id).exec();
    } catch (RuntimeException e) {
      docker.removeContainerCmd(id).withForce(true).exec();
      throw e;
    }
    return id;
  }

  /** The host port Docker chose for port 8000 on 127.0.0.1. */
  static int hostPort(InspectContainerResponse container) {
    Ports.Binding[] bindings =
        container.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(PORT));
    if (bindings == null || bindings.length == 0) {
      throw new IllegalStateException("Port " + PORT + " of the service is not published");
    }
    return Integer.parseInt(bindings[0].getHostPortSpec());
  }
}
