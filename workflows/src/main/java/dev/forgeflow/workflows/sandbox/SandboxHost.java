package dev.forgeflow.workflows.sandbox;

import java.util.regex.Pattern;

/**
 * A Docker host that runs sandbox work, and the task queue only its runner polls. A run's checks
 * and deploy go to the host that built its images; which one is chosen per run by {@link
 * SandboxPlacement} and recorded.
 *
 * @param name the host's name, as its runner was configured ({@code FORGEFLOW_SANDBOX_HOST})
 * @param taskQueue {@link #taskQueue(String)} of the name
 */
public record SandboxHost(String name, String taskQueue) {

  /** What a host name may be: letters, digits, dot, dash and underscore, at most 63. */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

  public SandboxHost {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("not a sandbox host name: " + name);
    }
    if (!taskQueue(name).equals(taskQueue)) {
      throw new IllegalArgumentException("task queue " + taskQueue + " is not host " + name + "'s");
    }
  }

  /** The host named {@code name}, with its queue. */
  public static SandboxHost named(String name) {
    return new SandboxHost(name, taskQueue(name));
  }

  /** The task queue of the host named {@code name}: {@code forgeflow-sandbox@<name>}. */
  public static String taskQueue(String name) {
    return SandboxActivities.TASK_QUEUE + "@" + name;
  }
}
