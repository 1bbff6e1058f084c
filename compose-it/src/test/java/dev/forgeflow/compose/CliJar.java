package dev.forgeflow.compose;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * This build's {@code forgeflow} CLI, run as a user on this machine runs it against the stack's
 * gateway: {@code FORGEFLOW_URL} and an API token, a home of its own, and no Docker daemon (so a
 * command that answers did so through the API).
 */
final class CliJar {

  /** What a command printed (stdout and stderr together) and its exit code. */
  record Result(int exitCode, String output) {}

  private final Path jar;
  private final Map<String, String> env;

  CliJar(Path jar, String url, String token, Path home) {
    this.jar = jar;
    this.env =
        Map.of(
            "FORGEFLOW_URL",
            url,
            "FORGEFLOW_TOKEN",
            token,
            "HOME",
            home.toString(),
            "XDG_CONFIG_HOME",
            home.resolve("config").toString(),
            "DOCKER_HOST",
            "unix://" + home.resolve("no-docker.sock"));
  }

  Result run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().keySet().removeIf(name -> name.startsWith("FORGEFLOW_"));
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("forgeflow " + String.join(" ", args) + " did not end");
    }
    return new Result(process.exitValue(), output);
  }
}
