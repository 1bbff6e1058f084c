package dev.forgeflow.sandbox;

import java.util.List;

/**
 * How a project's service is started, the same when it is checked and when it is deployed: the
 * image's Uvicorn in an isolated interpreter (no user site, no {@code PYTHON*} variables, no
 * working directory on the path), the app imported from {@code /app}.
 */
public final class ServiceCommand {

  /** The port the service listens on inside its container. */
  public static final int PORT = 8000;

  private ServiceCommand() {}

  /** The command, listening on {@code host}. */
  public static List<String> listeningOn(String host) {
    return List.of(
        "python3",
        "-I",
        "-m",
        "uvicorn",
        "app.main:app",
        "--app-dir",
        "/app",
        "--host",
        host,
        "--port",
        Integer.toString(PORT));
  }
}
