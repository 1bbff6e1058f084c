package dev.forgeflow.bench.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ProjectFilesTest {

  private static String text(ProjectFiles files, String path) {
    return new String(files.files().get(path), StandardCharsets.UTF_8);
  }

  @Test
  void plansTheOfflineProjectOfTheDefaultPrompt() {
    ProjectFiles project = ProjectFiles.plan(SandboxOptions.DEFAULT_PROMPT);

    assertThat(project.name()).isEqualTo("library-api");
    assertThat(project.files())
        .containsKeys(ProjectFiles.VARIED, "app/routers/books.py", "tests/test_books.py");
    assertThat(text(project, "app/routers/books.py")).contains("APIRouter");
  }

  @Test
  void aVariantChangesOnlyTheEntryPointByOneCommentLine() {
    ProjectFiles project = ProjectFiles.plan(SandboxOptions.DEFAULT_PROMPT);

    ProjectFiles variant = project.variant(3);

    String original = text(project, ProjectFiles.VARIED);
    assertThat(text(variant, ProjectFiles.VARIED))
        .startsWith(original)
        .endsWith("# variant 3\n")
        .hasLineCount((int) original.lines().count() + 1);
    for (String path : project.files().keySet()) {
      if (!path.equals(ProjectFiles.VARIED)) {
        assertThat(variant.files().get(path)).isEqualTo(project.files().get(path));
      }
    }
  }

  @Test
  void differentVariantsDiffer() {
    ProjectFiles project = ProjectFiles.plan(SandboxOptions.DEFAULT_PROMPT);

    assertThat(text(project.variant(1), ProjectFiles.VARIED))
        .isNotEqualTo(text(project.variant(2), ProjectFiles.VARIED));
  }

  @Test
  void aVariantNeedsTheEntryPoint() {
    Map<String, byte[]> files = new TreeMap<>(Map.of("app/models.py", new byte[] {'x'}));
    ProjectFiles project = new ProjectFiles("p", new TreeMap<>(files));

    assertThatThrownBy(() -> project.variant(1)).hasMessageContaining(ProjectFiles.VARIED);
  }
}
