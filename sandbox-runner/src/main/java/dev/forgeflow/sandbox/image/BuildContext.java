package dev.forgeflow.sandbox.image;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * The in-memory tar build context of a project image: the bundle's files plus a generated
 * Dockerfile that copies them, owned by root, into /app on the base image and runs as {@code app}.
 * A bundle's own {@code .dockerignore} is left out: the context's rules are the runner's.
 */
final class BuildContext {

  static final String DOCKERFILE = ".forgeflow.Dockerfile";

  private BuildContext() {}

  /** The Dockerfile: no RUN step, so the build installs nothing and needs no network. */
  static String dockerfile(String baseImage, Map<String, String> labels) {
    StringBuilder text = new StringBuilder("FROM ").append(baseImage).append('\n');
    labels.forEach(
        (name, value) ->
            text.append("LABEL ").append(name).append("=").append(quoted(value)).append('\n'));
    return text.append("COPY --chown=root:root . /app\n")
        .append("WORKDIR /app\n")
        .append("USER app\n")
        .toString();
  }

  private static String quoted(String value) {
    String escaped = value.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\r\n]", " ");
    return "\"" + escaped + "\"";
  }

  /** The tar archive; every path is checked, files are mode 0644 and directories 0755. */
  static byte[] tar(SortedMap<String, byte[]> files, String dockerfile) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      put(tar, DOCKERFILE, dockerfile.getBytes(StandardCharsets.UTF_8));
      put(
          tar,
          ".dockerignore",
          (DOCKERFILE + "\n.dockerignore\n").getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        String path = BundlePaths.checked(file.getKey());
        if (!path.equals(DOCKERFILE) && !path.equals(".dockerignore")) {
          put(tar, path, file.getValue());
        }
      }
      tar.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static void put(TarArchiveOutputStream tar, String path, byte[] content)
      throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(path);
    entry.setSize(content.length);
    entry.setMode(0100644);
    entry.setUserId(0);
    entry.setGroupId(0);
    tar.putArchiveEntry(entry);
    tar.write(content);
    tar.closeArchiveEntry();
  }
}
