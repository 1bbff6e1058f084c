package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.sandbox.SandboxEngine;
import dev.forgeflow.sandbox.docker.NetworkGateways;
import dev.forgeflow.workflows.sandbox.Deployment;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No egress: a deployed service cannot open a connection to the host on any of its addresses, to a
 * listener that a container without Forgeflow's rules does reach.
 */
class EgressIT {

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
  void outboundConnectionsToTheHostFailWhileAnUnrestrictedContainerGetsThrough() throws Exception {
    try (ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("0.0.0.0"))) {
      AtomicInteger accepted = acceptInBackground(listener);
      int port = listener.getLocalPort();
      Set<String> hostAddresses = hostAddresses();
      String defaultGateway = gateway("bridge");
      Set<String> targets = new LinkedHashSet<>();
      targets.add(gateway(fixture.network(deployment)));
      targets.add(defaultGateway);
      assertThat(hostAddresses)
          .as("the bridges' gateways are addresses of this host; nothing else is a target")
          .containsAll(targets);
      targets.addAll(hostAddresses);

      for (String host : targets) {
        JsonNode outcome = probe("/probe/connect?host=" + host + "&port=" + port);
        assertThat(outcome.get("connected").asBoolean()).as("connect to %s", host).isFalse();
      }
      assertThat(accepted.get()).isZero();

      assertThat(unrestrictedContainerConnects(defaultGateway, port)).isZero();
      long deadline = System.nanoTime() + 5_000_000_000L;
      while (accepted.get() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(accepted.get()).isEqualTo(1);
    }
    assertThat(probe("/probe/connect?host=127.0.0.1&port=8000").get("connected").asBoolean())
        .isTrue();
    assertThat(probe("/probe/read?path=/proc/net/if_inet6").get("content").asText()).isEmpty();
    String bridge = fixture.bridge(deployment);
    assertThat(fixture.rules.list("DOCKER-USER"))
        .anyMatch(rule -> rule.contains("-i " + bridge) && rule.endsWith("-j DROP"));
    assertThat(fixture.rules.list("INPUT"))
        .anyMatch(
            rule ->
                rule.contains("-i " + bridge)
                    && rule.contains("! --ctstate RELATED,ESTABLISHED")
                    && rule.endsWith("-j DROP"));
  }

  private static JsonNode probe(String pathAndQuery) throws Exception {
    return DeployFixture.probe(deployment, pathAndQuery);
  }

  private static String gateway(String network) {
    return NetworkGateways.of(fixture.docker.inspectNetworkCmd().withNetworkId(network).exec());
  }

  private static Set<String> hostAddresses() throws IOException {
    Set<String> addresses = new LinkedHashSet<>();
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      for (InetAddress address : Collections.list(nic.getInetAddresses())) {
        if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
          addresses.add(address.getHostAddress());
        }
      }
    }
    return addresses;
  }

  private static AtomicInteger acceptInBackground(ServerSocket listener) {
    AtomicInteger accepted = new AtomicInteger();
    Thread thread =
        new Thread(
            () -> {
              while (!listener.isClosed()) {
                try (Socket socket = listener.accept()) {
                  accepted.incrementAndGet();
                } catch (IOException closed) {
                  return;
                }
              }
            });
    thread.setDaemon(true);
    thread.start();
    return accepted;
  }

  /** A plain container on Docker's default bridge, no Forgeflow rules: its connect's exit code. */
  private static long unrestrictedContainerConnects(String host, int port) throws Exception {
    String script =
        "import socket; socket.create_connection(('" + host + "', " + port + "), timeout=5)";
    String id =
        fixture
            .docker
            .createContainerCmd(SandboxEngine.baseImage())
            .withCmd("python3", "-c", script)
            .withLabels(Map.of("dev.forgeflow.test", "isolation-control"))
            .exec()
            .getId();
    try {
      fixture.docker.startContainerCmd(id).exec();
      return fixture.docker.waitContainerCmd(id).start().awaitStatusCode();
    } finally {
      fixture.docker.removeContainerCmd(id).withForce(true).exec();
    }
  }
}
