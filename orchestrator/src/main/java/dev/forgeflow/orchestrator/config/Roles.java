package dev.forgeflow.orchestrator.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one process of Forgeflow does ({@code FORGEFLOW_ROLES}): the {@code gateway} serves the API,
 * the event streams and the web UI; {@code agents} runs the pipeline's workflows and its agents on
 * the shared pipeline queue (any number of such processes share the work); {@code sandbox} does the
 * Docker work of this host on its own queue. One jar, every role; all three by default.
 */
public record Roles(boolean gateway, boolean agents, boolean sandbox) {

  /** Every role, the default. */
  public static final String ALL = "gateway,agents,sandbox";

  /** A comma-separated list of roles. */
  public static final String LIST =
      "\\s*(gateway|agents|sandbox)\\s*(,\\s*(gateway|agents|sandbox)\\s*)*";

  /** The roles a valid {@link #LIST} names. */
  public static Roles parse(String list) {
    if (list == null || !list.matches(LIST)) {
      throw new IllegalArgumentException(
          "FORGEFLOW_ROLES="
              + list
              + ": must be a comma-separated list of gateway, agents and sandbox, such as"
              + " gateway,agents");
    }
    Set<String> named = new TreeSet<>();
    for (String role : list.split(",")) {
      named.add(role.trim().toLowerCase(Locale.ROOT));
    }
    return new Roles(
        named.contains("gateway"), named.contains("agents"), named.contains("sandbox"));
  }

  /** Every role. */
  public static Roles all() {
    return new Roles(true, true, true);
  }

  /** Whether this is every role (one process does it all, as locally). */
  public boolean everything() {
    return gateway && agents && sandbox;
  }

  @Override
  public String toString() {
    StringBuilder list = new StringBuilder();
    if (gateway) {
      list.append("gateway");
    }
    if (agents) {
      list.append(list.isEmpty() ? "" : ",").append("agents");
    }
    if (sandbox) {
      list.append(list.isEmpty() ? "" : ",").append("sandbox");
    }
    return list.toString();
  }

  /**
   * The machine's host name, as the kernel has it (nothing is resolved), made fit for a task queue;
   * {@code local} when it cannot be read.
   */
  static String machineName() {
    String name = System.getenv("HOSTNAME");
    if (name == null || name.isBlank()) {
      try {
        name = Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
      } catch (IOException | RuntimeException unreadable) {
        name = "";
      }
    }
    String fit = name.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    return fit.isEmpty() ? "local" : fit.substring(0, Math.min(63, fit.length()));
  }
}
