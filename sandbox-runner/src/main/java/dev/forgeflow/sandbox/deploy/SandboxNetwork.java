package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A deployment's own bridge network, with a bridge interface named after the project and the {@link
 * EgressRules} that cut it off, installed before any container joins it and removed with it.
 */
final class SandboxNetwork {

  static final String BRIDGE_LABEL = "dev.forgeflow.bridge";
  static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";

  private final DockerClient docker;
  private final EgressRules rules;

  SandboxNetwork(DockerClient docker, EgressRules rules) {
    this.docker = docker;
    this.rules = rules;
  }

  /** {@code forgeflow-<project>}, with characters Docker refuses replaced. */
  static String name(String project) {
    return "forgeflow-" + project.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.-]", "-");
  }

  /**
   * {@code ff} and 12 hex digits of the project's SHA-256: at most 15 characters, as Linux asks.
   */
  static String bridge(String project) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(project.getBytes(StandardCharsets.UTF_8));
      return "ff" + HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates the network with its rules; returns its name. Removes the project's old one first. */
  String create(String project, Map<String, String> labels) {
    String name = name(project);
    remove(name);
    String bridge = bridge(project);
    Map<String, String> networkLabels = new LinkedHashMap<>(labels);
    networkLabels.put(BRIDGE_LABEL, bridge);
    rules.install(bridge);
    try {
      docker
          .createNetworkCmd()
          .withName(name)
          .withDriver("bridge")
          .withCheckDuplicate(true)
          .withLabels(networkLabels)
          .withOptions(
              Map.of(BRIDGE_NAME_OPTION, bridge, "com.docker.network.bridge.enable_icc", "false"))
          .exec();
    } catch (RuntimeException e) {
      rules.remove(bridge);
      throw e;
    }
    return name;
  }

  /** Removes a network (by name or id) and its rules; a missing one is fine. */
  void remove(String network) {
    Network found;
    try {
      found = docker.inspectNetworkCmd().withNetworkId(network).exec();
    } catch (NotFoundException gone) {
      return;
    }
    try {
      docker.removeNetworkCmd(found.getId()).exec();
    } catch (NotFoundException gone) {
      // removed meanwhile: the rules still go
    }
    String bridge = found.getLabels() == null ? null : found.getLabels().get(BRIDGE_LABEL);
    if (bridge != null) {
      rules.remove(bridge);
    }
  }

  /**
   * Removes the deployment networks no container is attached to, then the rules of bridges that
   * have no network; returns the bridges whose rules went.
   */
  Set<String> removeUnused() {
    Set<String> bridges = new TreeSet<>();
    for (Network listed : deploymentNetworks()) {
      Network network = docker.inspectNetworkCmd().withNetworkId(listed.getId()).exec();
      if (network.getContainers() == null || network.getContainers().isEmpty()) {
        remove(network.getId());
      } else if (network.getLabels().containsKey(BRIDGE_LABEL)) {
        bridges.add(network.getLabels().get(BRIDGE_LABEL));
      }
    }
    Set<String> stale = new TreeSet<>(rules.bridges());
    stale.removeAll(bridges);
    stale.forEach(rules::remove);
    return stale;
  }

  private List<Network> deploymentNetworks() {
    return docker
        .listNetworksCmd()
        .withFilter("label", List.of(ServiceContainer.DEPLOYMENT_LABEL + "=true"))
        .exec();
  }

  /** Removes every network carrying the labels, with its rules. */
  void removeLabelled(Map<String, String> labels) {
    List<Network> networks = docker.listNetworksCmd().withFilter("label", filters(labels)).exec();
    networks.forEach(network -> remove(network.getId()));
  }

  private static List<String> filters(Map<String, String> labels) {
    return labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
  }
}
