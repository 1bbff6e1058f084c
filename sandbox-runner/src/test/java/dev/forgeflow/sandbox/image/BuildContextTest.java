package dev.forgeflow.sandbox.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BuildContextTest {

  @Test
  void dockerfileLayersTheCodeOwnedByRootAndRunsAsApp() {
    String dockerfile =
        BuildContext.dockerfile(
            "forgeflow/sandbox-python:abc", ProjectImages.labels("run-1", "b\"1"));

    assertThat(dockerfile)
        .startsWith("FROM forgeflow/sandbox-python:abc\n")
        .contains("LABEL dev.forgeflow.project=\"project-run1\"\n")
        .contains("LABEL dev.forgeflow.run=\"run-1\"\n")
        .contains("LABEL dev.forgeflow.bundle=\"b\\\"1\"\n")
        .contains("COPY --chown=root:root . /app\n")
        .endsWith("USER app\n")
        .doesNotContain("RUN");
  }

  @Test
  void tarHoldsTheDockerfileAndEveryFileReadOnlyForOthers() throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put("app/main.py", "app = 1\n".getBytes(StandardCharsets.UTF_8));
    files.put("tests/test_main.py", "def test(): pass\n".getBytes(StandardCharsets.UTF_8));

    Map<String, String> entries = entries(BuildContext.tar(files, "FROM base\n"));

    assertThat(entries.keySet())
        .containsExactly(
            BuildContext.DOCKERFILE, ".dockerignore", "app/main.py", "tests/test_main.py");
    assertThat(entries.get(BuildContext.DOCKERFILE)).isEqualTo("FROM base\n");
    assertThat(entries.get("app/main.py")).isEqualTo("app = 1\n");
  }

  @Test
  void aBundlesOwnDockerignoreIsLeftOut() throws IOException {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put(".dockerignore", "app\n".getBytes(StandardCharsets.UTF_8));

    assertThat(entries(BuildContext.tar(files, "FROM base\n")).get(".dockerignore"))
        .contains(BuildContext.DOCKERFILE)
        .doesNotContain("app");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "../etc/passwd",
        "/etc/passwd",
        "app/../../x.py",
        "app//x.py",
        "./x.py",
        "a\\b.py",
        "C:/x"
      })
  void pathsThatCouldEscapeTheContextAreRefused(String path) {
    SortedMap<String, byte[]> files = new TreeMap<>();
    files.put(path, new byte[0]);

    assertThatThrownBy(() -> BuildContext.tar(files, "FROM base\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(path);
  }

  private static Map<String, String> entries(byte[] tar) throws IOException {
    Map<String, String> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
      for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        assertThat(entry.getMode() & 0777).isEqualTo(0644);
        assertThat(entry.getLongUserId()).isZero();
        entries.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return entries;
  }
}
