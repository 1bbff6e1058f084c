package dev.forgeflow.sandbox;

import dev.forgeflow.store.NewRun;
import dev.forgeflow.store.Stores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small, known-good FastAPI + SQLModel notes service (test resources under projects/good), and
 * variants of it with one file changed.
 */
public final class SampleProjects {

  private SampleProjects() {}

  /** The good project's files, path to content. */
  public static SortedMap<String, String> good() {
    try {
      Path root = Path.of(SampleProjects.class.getResource("/projects/good").toURI());
      SortedMap<String, String> files = new TreeMap<>();
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path path : paths.filter(Files::isRegularFile).toList()) {
          files.put(root.relativize(path).toString(), Files.readString(path));
        }
      }
      return files;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The good project with one file's text {@code from} replaced by {@code to}, which must occur.
   */
  public static SortedMap<String, String> withChange(String path, String from, String to) {
    SortedMap<String, String> files = good();
    String content = files.get(path);
    if (content == null || !content.contains(from)) {
      throw new IllegalArgumentException(path + " does not contain " + from);
    }
    files.put(path, content.replace(from, to));
    return files;
  }

  public static SortedMap<String, byte[]> bytes(Map<String, String> files) {
    SortedMap<String, byte[]> bytes = new TreeMap<>();
    files.forEach((path, text) -> bytes.put(path, text.getBytes(StandardCharsets.UTF_8)));
    return bytes;
  }

  /** A new run holding the files as its first bundle version. */
  public static StoredBundle store(Stores stores, Map<String, String> files) {
    String runId = stores.runs().create(new NewRun("a notes service", null));
    Map<String, String> blobs = new HashMap<>();
    files.forEach(
        (path, text) ->
            blobs.put(path, stores.bundles().putBlob(text.getBytes(StandardCharsets.UTF_8))));
    return new StoredBundle(runId, stores.bundles().createVersion(runId, null, blobs).id());
  }

  /** A stored bundle version and the run it belongs to. */
  public record StoredBundle(String runId, String bundleId) {}
}
