package dev.forgeflow.sandbox.check;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code docker exec} with a wall-time bound: the command is wrapped in {@code timeout -s KILL}.
 */
final class ContainerExec {

  private static final Logger LOG = LoggerFactory.getLogger(ContainerExec.class);
  private static final long GRACE_SECONDS = 5;

  private final DockerClient docker;
  private final String containerId;

  ContainerExec(DockerClient docker, String containerId) {
    this.docker = docker;
    this.containerId = containerId;
  }

  ExecResult run(Duration timeout, String... command) {
    long started = System.nanoTime();
    ExecResult result = runBounded(timeout, command);
    LOG.debug(
        "{} took {} ms, exit {}",
        command[command.length > 2 ? 2 : 0],
        (System.nanoTime() - started) / 1_000_000,
        result.exitCode());
    return result;
  }

  private ExecResult runBounded(Duration timeout, String... command) {
    String execId = create(bounded(timeout, command));
    StreamOutput output = new StreamOutput();
    boolean finished;
    try {
      docker.execStartCmd(execId).exec(output);
      finished = output.awaitCompletion(timeout.toSeconds() + GRACE_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running " + List.of(command), e);
    } finally {
      closeQuietly(output);
    }
    Long exit = finished ? docker.inspectExecCmd(execId).exec().getExitCodeLong() : null;
    int code = exit == null ? -1 : exit.intValue();
    return new ExecResult(
        code, output.stdout(), output.stderr(), code == 137 || code == 124 || !finished);
  }

  private static String label(String... command) {
    String line = String.join(" ", command);
    return line.length() > 80 ? line.substring(0, 80) + "..." : line;
  }

  void launch(String... command) {
    String execId = create(command);
    docker.execStartCmd(execId).withDetach(true).exec(new ResultCallback.Adapter<>());
  }

  private String create(String... command) {
    return docker
        .execCreateCmd(containerId)
        .withCmd(command)
        .withEnv(CheckContainer.ENV)
        .withAttachStdout(true)
        .withAttachStderr(true)
        .exec()
        .getId();
  }

  private static String[] bounded(Duration timeout, String... command) {
    List<String> wrapped =
        new ArrayList<>(List.of("timeout", "-s", "KILL", timeout.toSeconds() + "s"));
    wrapped.addAll(List.of(command));
    return wrapped.toArray(String[]::new);
  }

  private static void closeQuietly(StreamOutput output) {
    try {
      output.close();
    } catch (IOException ignored) {
      // the stream is finished with either way
    }
  }
}
