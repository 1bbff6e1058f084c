package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The API tokens {@code forgeflow login} saved, one per server URL, in {@code
 * $XDG_CONFIG_HOME/forgeflow/credentials.json} (default {@code ~/.config}), readable by its owner
 * only.
 */
final class Credentials {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Path file;
  private final Map<String, String> tokens;

  private Credentials(Path file, Map<String, String> tokens) {
    this.file = file;
    this.tokens = tokens;
  }

  static Path location() {
    String config = System.getenv("XDG_CONFIG_HOME");
    Path base =
        config == null || config.isBlank()
            ? Path.of(System.getProperty("user.home"), ".config")
            : Path.of(config);
    return base.resolve("forgeflow").resolve("credentials.json");
  }

  static Credentials load() {
    Path file = location();
    Map<String, String> tokens = new TreeMap<>();
    if (Files.isRegularFile(file)) {
      try {
        JSON.readTree(Files.readString(file))
            .fields()
            .forEachRemaining(entry -> tokens.put(entry.getKey(), entry.getValue().asText()));
      } catch (IOException e) {
        throw CliProblem.environment(
            "The saved credentials (" + file + ") cannot be read: " + e.getMessage());
      }
    }
    return new Credentials(file, tokens);
  }

  /** The server's URL as the key it is saved under: scheme, host and port, no trailing slash. */
  static URI normalise(String url) {
    try {
      URI uri = URI.create(url.strip());
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        throw new IllegalArgumentException();
      }
      String path = uri.getPath() == null ? "" : uri.getPath().replaceAll("/+$", "");
      return URI.create(
          uri.getScheme()
              + "://"
              + uri.getHost()
              + (uri.getPort() == -1 ? "" : ":" + uri.getPort())
              + path);
    } catch (IllegalArgumentException notAUrl) {
      throw CliProblem.badInput(
          "'" + TerminalText.clean(url) + "' is not a server URL such as http://127.0.0.1:8080.");
    }
  }

  Optional<String> tokenFor(URI server) {
    return Optional.ofNullable(tokens.get(server.toString()));
  }

  void save(URI server, String token) {
    tokens.put(server.toString(), token);
    ObjectNode json = JSON.createObjectNode();
    tokens.forEach(json::put);
    try {
      Files.createDirectories(file.getParent());
      Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
      Files.deleteIfExists(temporary);
      Files.createFile(
          temporary,
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(temporary, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(json));
      Files.move(
          temporary,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("could not save the credentials to " + file, e);
    }
  }

  Path file() {
    return file;
  }
}
