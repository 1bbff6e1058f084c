package dev.forgeflow.sandbox.image;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectImagesTest {

  @Test
  void tagNamesTheRunAndTheBundleInDockersAlphabet() {
    assertThat(
            ProjectImages.tag("3F2A9C1D-77aa-4b1e-9f00-aaaaaaaaaaaa", "b7e4-c0de-1234-5678-9abc"))
        .isEqualTo("forgeflow/project-3f2a9c1d77aa:b7e4c0de1234");
  }

  @Test
  void labelsNameProjectRunAndBundle() {
    assertThat(ProjectImages.labels("run-42", "bundle-7"))
        .containsEntry(ProjectImages.PROJECT_LABEL, "project-run42")
        .containsEntry(ProjectImages.RUN_LABEL, "run-42")
        .containsEntry(ProjectImages.BUNDLE_LABEL, "bundle-7");
  }
}
