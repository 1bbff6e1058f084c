package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.image.ProjectImages;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SandboxInstanceTest {

  @Test
  void anInstanceIsAShortStableHashOfItsSource() {
    SandboxInstance instance = SandboxInstance.of("/home/me/.forgeflow");

    assertThat(instance.id()).matches("i[0-9a-f]{10}");
    assertThat(SandboxInstance.of("/home/me/.forgeflow")).isEqualTo(instance);
    assertThat(SandboxInstance.of("jdbc:postgresql://db/forgeflow")).isNotEqualTo(instance);
  }

  @Test
  void projectImageLabelsCarryTheInstance() {
    SandboxInstance instance = SandboxInstance.of("x");

    assertThat(ProjectImages.labels(instance, "run-1", "bundle-1"))
        .containsEntry(SandboxInstance.LABEL, instance.id())
        .containsEntry(ProjectImages.RUN_LABEL, "run-1")
        .containsEntry(ProjectImages.PROJECT_LABEL, ProjectImages.project("run-1"));
    assertThat(instance.label(Map.of("a", "b"))).containsEntry("a", "b").hasSize(2);
  }

  @Test
  void anIdThatCannotBeALabelValueIsRefused() {
    assertThatThrownBy(() -> new SandboxInstance("Has Spaces"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1 to 16 lower-case letters or digits");
  }
}
