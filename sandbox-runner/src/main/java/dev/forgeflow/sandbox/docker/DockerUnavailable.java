package dev.forgeflow.sandbox.docker;

/**
 * No Docker daemon answers where Forgeflow looks for one. The message says what stops and how to
 * point Forgeflow at a daemon; it carries no stack trace because it is meant for the user.
 */
public final class DockerUnavailable extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The error type of the retryable activity failure this becomes. */
  public static final String TYPE = "DockerUnavailable";

  private final String host;
  private final String reason;

  DockerUnavailable(String host, String reason) {
    super(message(host, reason), null, false, false);
    this.host = host;
    this.reason = reason;
  }

  /** "No Docker daemon answers at <host> (<reason>)", without what it means for a run. */
  public String unanswered() {
    return "No Docker daemon answers at " + host + " (" + reason + ")";
  }

  static String message(String host, String reason) {
    return "No Docker daemon answers at "
        + host
        + " ("
        + reason
        + "). The pipeline stops before the sandbox steps (project image, checks, deploy). "
        + "Start Docker, or point Forgeflow at a running daemon with DOCKER_HOST, for example "
        + "DOCKER_HOST=unix:///var/run/docker.sock or DOCKER_HOST=tcp://127.0.0.1:2375.";
  }
}
