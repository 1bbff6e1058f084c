package dev.forgeflow.sandbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import dev.forgeflow.sandbox.SampleProjects;
import dev.forgeflow.sandbox.SandboxEngine;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProjectImagesIT {

  private final DockerClient docker = SandboxEngine.docker();
  private final String runId = UUID.randomUUID().toString();

  @AfterEach
  void removeImages() {
    SandboxEngine.removeImagesOf(docker, runId);
  }

  @Test
  void projectImageHoldsTheCodeOwnedByRootAndRunsAsApp() throws InterruptedException {
    String bundleId = UUID.randomUUID().toString();
    ProjectImage image =
        new ProjectImages(docker)
            .build(
                runId,
                bundleId,
                SampleProjects.bytes(SampleProjects.good()),
                SandboxEngine.baseImage());

    assertThat(image.tag()).isEqualTo(ProjectImages.tag(runId, bundleId));
    assertThat(docker.inspectImageCmd(image.tag()).exec().getConfig().getLabels())
        .containsEntry(ProjectImages.RUN_LABEL, runId)
        .containsEntry(ProjectImages.BUNDLE_LABEL, bundleId);
    String output =
        run(
            image.tag(),
            "stat -c '%U %a' /app/app/main.py /app/app; id -u; pwd;"
                + " touch /app/app/main.py 2>/dev/null && echo writable || echo read-only");
    assertThat(output.lines())
        .containsExactly("root 644", "root 755", "10001", "/app", "read-only");
  }

  @Test
  void aBaseImageThatIsNotThereIsNamedAndNeverPulled() {
    String missing = "forgeflow/sandbox-python:no-such-" + runId.substring(0, 8);

    assertThatThrownBy(
            () ->
                new ProjectImages(docker)
                    .build(runId, "b1", SampleProjects.bytes(SampleProjects.good()), missing))
        .isInstanceOf(ProjectImages.BaseImageMissing.class)
        .hasMessageContaining(missing)
        .hasMessageContaining("never pulls");
  }

  private String run(String image, String script) throws InterruptedException {
    String id =
        docker
            .createContainerCmd(image)
            .withCmd("sh", "-c", script)
            .withLabels(ProjectImages.labels(runId, "probe"))
            .withHostConfig(HostConfig.newHostConfig().withNetworkMode("none"))
            .exec()
            .getId();
    try {
      docker.startContainerCmd(id).exec();
      docker.waitContainerCmd(id).start().awaitStatusCode();
      StringBuilder out = new StringBuilder();
      docker
          .logContainerCmd(id)
          .withStdOut(true)
          .withStdErr(true)
          .exec(
              new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                  out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                }
              })
          .awaitCompletion();
      return out.toString();
    } finally {
      docker.removeContainerCmd(id).withForce(true).exec();
    }
  }
}
