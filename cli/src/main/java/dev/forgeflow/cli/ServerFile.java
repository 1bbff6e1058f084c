package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The data directory's note of a running {@code forgeflow serve}: its URL and process id, so that
 * the CLI's other commands use that server instead of starting their own.
 */
final class ServerFile {

  static final String NAME = "forgeflow-serve.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private ServerFile() {}

  static void write(Path dataDir, URI url) {
    try {
      Files.writeString(
          dataDir.resolve(NAME),
          JSON.writeValueAsString(
              Map.of("url", url.toString(), "pid", ProcessHandle.current().pid())));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void remove(Path dataDir) {
    try {
      Files.deleteIfExists(dataDir.resolve(NAME));
    } catch (IOException ignored) {
      // a stale note is ignored anyway: its process is gone
    }
  }

  /** The URL of the server the note names, if that process is alive. */
  static Optional<URI> running(Path dataDir) {
    Path file = dataDir.resolve(NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode note = JSON.readTree(Files.readString(file));
      long pid = note.path("pid").asLong(-1);
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      if (!alive || pid == ProcessHandle.current().pid()) {
        return Optional.empty();
      }
      return Optional.of(URI.create(note.path("url").asText()));
    } catch (IOException | IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }
}
