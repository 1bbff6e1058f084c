package dev.forgeflow.sandbox.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SandboxEngine;
import dev.forgeflow.sandbox.image.ProjectImage;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CheckContainerIT {

  private static final DockerClient DOCKER = SandboxEngine.docker();
  private static final String RUN = UUID.randomUUID().toString();
  private static ProjectImage image;

  @BeforeAll
  static void buildImage() {
    image =
        new ProjectImages(DOCKER)
            .build(
                RUN,
                "bundle",
                SampleProjects.bytes(SampleProjects.good()),
                SandboxEngine.baseImage());
  }

  @AfterAll
  static void removeImage() {
    SandboxEngine.removeImagesOf(DOCKER, RUN);
  }

  @Test
  void checksRunUnprivilegedWithoutNetworkAndWriteOnlyToTmp() {
    try (CheckContainer container = start()) {
      String script =
          "id -u; grep -c : /proc/net/dev; grep -E '^(CapEff|NoNewPrivs)' /proc/self/status;"
              + " touch /app/x 2>/dev/null && echo app-writable || echo app-read-only;"
              + " touch /etc/x 2>/dev/null && echo root-writable || echo root-read-only;"
              + " touch /tmp/x && echo tmp-writable";

      ExecResult result = container.run(Duration.ofSeconds(20), "sh", "-c", script);

      assertThat(result.stdout().lines().map(String::strip))
          .containsExactly(
              "10001",
              "1",
              "CapEff:\t0000000000000000",
              "NoNewPrivs:\t1",
              "app-read-only",
              "root-read-only",
              "tmp-writable");
    }
  }

  @Test
  void aStepThatOutlivesItsBoundIsKilledInTime() {
    try (CheckContainer container = start()) {
      long started = System.nanoTime();

      ExecResult result = container.run(Duration.ofSeconds(2), "sleep", "60");

      assertThat(result.timedOut()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      String processes =
          "for f in /proc/[0-9]*/cmdline; do tr '\\0' ' ' < $f; echo; done | grep -c '^sleep 60 '";
      assertThat(container.run(Duration.ofSeconds(5), "sh", "-c", processes).stdout().strip())
          .isEqualTo("0");
    }
  }

  @Test
  void closingRemovesTheContainerAndMayBeRepeated() {
    CheckContainer container = start();
    container.close();
    container.close();

    assertThat(SandboxEngine.containersOf(DOCKER, RUN)).isEmpty();
  }

  @Test
  void aStepRunsAsTheMainProcessOfAFreshContainerAndIsKilledAtItsBound() {
    CheckStep step =
        new CheckStep(
            DOCKER,
            image.tag(),
            image.tag(),
            ProjectImages.labels(RUN, "bundle"),
            SandboxActivitiesIT.LIMITS);

    ExecResult first = step.run(Duration.ofSeconds(20), "sh", "-c", "echo $$; touch /tmp/left");
    ExecResult second =
        step.run(Duration.ofSeconds(20), "sh", "-c", "ls /tmp/left 2>&1; echo oops >&2; exit 3");
    long started = System.nanoTime();
    ExecResult slow = step.run(Duration.ofSeconds(2), "sleep", "60");

    assertThat(first.stdout().strip()).isEqualTo("1");
    assertThat(second.exitCode()).isEqualTo(3);
    assertThat(second.stdout()).contains("No such file");
    assertThat(second.stderr()).contains("oops");
    assertThat(slow.timedOut()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    assertThat(SandboxEngine.containersOf(DOCKER, RUN)).isEmpty();
  }

  private static CheckContainer start() {
    return CheckContainer.start(
        DOCKER,
        image.tag(),
        ProjectImages.labels(RUN, "bundle"),
        SandboxActivitiesIT.LIMITS,
        CheckContainer.NO_NETWORK,
        "sleep",
        "300");
  }
}
