package dev.forgeflow.sandbox.deploy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Network;
import dev.forgeflow.sandbox.SandboxInstance;
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
 * A project's own bridge network, named after its instance and project id, with a bridge interface
 * whose {@link EgressRules} cut it off, installed before any container joins it and removed with
 * it. Every container of the project (the old and the new one during a redeploy) joins it.
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

  /** {@code forgeflow-<instance>-<project id>}, with characters Docker refuses replaced. */
  static String name(SandboxInstance instance, String projectId) {
    return ("forgeflow-" + instance.id() + "-" + projectId)
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9_.-]", "-");
  }

  /**
   * {@code ff} and 12 hex digits of the SHA-256 of instance and project id: at most 15 characters,
   * as Linux asks.
   */
  static String bridge(SandboxInstance instance, String projectId) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest((instance.id() + "/" + projectId).getBytes(StandardCharsets.UTF_8));
      return "ff" + HexFormat.of().formatHex(hash).substring(0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The project's network, created with its rules unless it exists; returns its name. The rules are
   * (re)installed either way, after the network exists and before any container joins.
   */
  String ensure(SandboxInstance instance, String projectId, Map<String, String> labels) {
    String name = name(instance, projectId);
    String bridge = bridge(instance, projectId);
    if (!exists(name)) {
      Map<String, String> networkLabels = new LinkedHashMap<>(labels);
      networkLabels.put(BRIDGE_LABEL, bridge);
      docker
          .createNetworkCmd()
          .withName(name)
          .withDriver("bridge")
          .withCheckDuplicate(true)
          .withLabels(networkLabels)
          .withOptions(
              Map.of(BRIDGE_NAME_OPTION, bridge, "com.docker.network.bridge.enable_icc", "false"))
          .exec();
    }
    try {
      rules.install(bridge);
    } catch (RuntimeException e) {
      removeIfUnused(name);
      throw e;
    }
    return name;
  }

  private boolean exists(String name) {
    try {
      return docker.inspectNetworkCmd().withNetworkId(name).exec().getName().equals(name);
    } catch (NotFoundException missing) {
      return false;
    }
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
      rules.removeIfUsable(bridge);
    }
  }

  /** Removes a network and its rules if no container is attached to it any more. */
  void removeIfUnused(String network) {
    try {
      Network found = docker.inspectNetworkCmd().withNetworkId(network).exec();
      if (found.getContainers() == null || found.getContainers().isEmpty()) {
        remove(found.getId());
      }
    } catch (NotFoundException gone) {
      // nothing to remove
    }
  }

  /**
   * Removes the instance's deployment networks no container is attached to, then, where iptables is
   * usable, the rules of bridges that no Forgeflow network of any instance has; returns the bridges
   * whose rules went. Rules are read before networks are listed, and a deploy installs rules only
   * once its network exists, so a deploy under way never loses its rules.
   */
  Set<String> removeUnused(SandboxInstance instance) {
    Set<String> ruled = new TreeSet<>(rules.bridgesIfUsable());
    for (Network listed : list(instance.label(Map.of(ServiceContainer.DEPLOYMENT_LABEL, "true")))) {
      removeIfUnused(listed.getId());
    }
    for (Network network :
        docker.listNetworksCmd().withFilter("label", List.of(BRIDGE_LABEL)).exec()) {
      if (network.getLabels() != null) {
        ruled.remove(network.getLabels().get(BRIDGE_LABEL));
      }
    }
    ruled.forEach(rules::removeIfUsable);
    return ruled;
  }

  /** Removes every network carrying the labels, with its rules. */
  void removeLabelled(Map<String, String> labels) {
    list(labels).forEach(network -> remove(network.getId()));
  }

  private List<Network> list(Map<String, String> labels) {
    List<String> filters =
        labels.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    return docker.listNetworksCmd().withFilter("label", filters).exec();
  }
}
