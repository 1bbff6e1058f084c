package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import dev.forgeflow.sandbox.ContainerLogs;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.ServiceCommand;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a project's service container is made: uid 10001, read-only root with a tmpfs {@code /tmp},
 * no capabilities, no new privileges, no IPC namespace to share, no IPv6, memory / CPU / pids
 * limits, an environment of exactly {@link #ENV}, on its project's network, port 8000 published on
 * 127.0.0.1 only, its log rotated ({@link ContainerLogs#bounded()}).
 */
final class ServiceContainer {

  static final String DEPLOYMENT_LABEL = "dev.forgeflow.deployment";
  static final String EXPIRES_LABEL = "dev.forgeflow.expires";

  /** The project's name as the charter gave it; the project label holds its id. */
  static final String NAME_LABEL = "dev.forgeflow.name";

  static final String USER = "10001:10001";
  static final int PORT = ServiceCommand.PORT;
  static final String LOOPBACK = "127.0.0.1";
  static final List<String> ENV =
      List.of("HOME=/tmp", "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1");

  /** No IPv6 inside: the bridge's firewall rules are IPv4 rules. */
  static final Map<String, String> NO_IPV6 =
      Map.of("net.ipv6.conf.all.disable_ipv6", "1", "net.ipv6.conf.default.disable_ipv6", "1");

  /** The service as it was checked: {@link ServiceCommand}, listening on every interface. */
  static final List<String> COMMAND = ServiceCommand.listeningOn("0.0.0.0");

  private ServiceContainer() {}

  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * The labels of a deployment container: instance, project id, run, bundle, the project's name,
   * deployment and expiry.
   */
  static Map<String, String> labels(
      SandboxInstance instance, String runId, String name, String bundleId, Instant expires) {
    Map<String, String> labels =
        new LinkedHashMap<>(ProjectImages.labels(instance, runId, bundleId));
    labels.put(NAME_LABEL, name);
    labels.put(DEPLOYMENT_LABEL, "true");
    labels.put(EXPIRES_LABEL, Long.toString(expires.getEpochSecond()));
    return labels;
  }

  static HostConfig hostConfig(String network, DeployLimits limits) {
    return ContainerLogs.bounded(HostConfig.newHostConfig())
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

  /**
   * Creates and starts a container on the project's network, named after it with a random suffix
   * (the old and new containers of a redeploy run side by side); returns its id. Removes it again
   * if it cannot start.
   */
  static String start(
      DockerClient docker,
      String image,
      String network,
      Map<String, String> labels,
      DeployLimits limits) {
    String id =
        docker
            .createContainerCmd(image)
            .withName(network + "-" + HexFormat.of().formatHex(randomBytes()))
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

  private static byte[] randomBytes() {
    byte[] bytes = new byte[3];
    RANDOM.nextBytes(bytes);
    return bytes;
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
