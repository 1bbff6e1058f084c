package dev.forgeflow.sandbox.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectImageResponse;
import dev.forgeflow.sandbox.SandboxEngine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The base image scripts/sandbox-base-image built from Debian packages: labelled with its recipe,
 * non-root, Python with the sandbox's packages, and its runtime profile inside.
 */
class BaseImageIT {
  private final DockerClient docker = SandboxEngine.docker();
  private final String image = SandboxEngine.baseImage();

  @Test
  void baseImageIsLabelledByItsRecipeAndRunsAsTheSandboxUser() {
    InspectImageResponse inspected = docker.inspectImageCmd(image).exec();

    assertThat(inspected.getConfig().getLabels())
        .containsEntry("dev.forgeflow.image", "sandbox-base")
        .containsKey("dev.forgeflow.recipe");
    assertThat(inspected.getConfig().getUser()).isEqualTo("app");
    assertThat(inspected.getConfig().getWorkingDir()).isEqualTo("/app");
    assertThat(run("id", "-u")).isEqualTo("10001");
  }

  @Test
  void baseImageHasTheServicePackagesAndItsRuntimeProfile() {
    assertThat(
            run(
                "python3",
                "-c",
                "import fastapi, sqlmodel, pydantic, uvicorn, pytest, httpx, passlib, jwt, bcrypt,"
                    + " email_validator, python_multipart; print('ok')"))
        .isEqualTo("ok");
    assertThat(run("cat", "/etc/forgeflow/runtime-profile.json"))
        .contains("\"fastapi\"")
        .contains("\"sqlmodel\"")
        .contains("\"stdlib\"");
  }

  /** Runs a command in a throw-away container of the base image, with no network. */
  private String run(String... command) {
    List<String> args =
        new java.util.ArrayList<>(List.of("docker", "run", "--rm", "--network", "none", image));
    args.addAll(List.of(command));
    try {
      Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(process.exitValue()).as(out).isZero();
      return out.trim();
    } catch (IOException e) {
      throw new AssertionError("docker run failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
