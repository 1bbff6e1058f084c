package dev.forgeflow.store.accounts;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/** A file holding one token, readable and writable by its owner only (mode 0600). */
final class TokenFile {

  static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path file;

  TokenFile(Path file) {
    this.file = file;
  }

  /** The kept token, or empty if there is no file or it is empty. */
  Optional<String> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
      String token = Files.readString(file, US_ASCII).strip();
      return token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the API token file " + file, e);
    }
  }

  /**
   * Replaces the file's content atomically: the new file is created owner-only before anything is
   * written to it, then moved into place.
   */
  void write(String token) {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try {
      Files.createDirectories(file.getParent());
      Files.deleteIfExists(partial);
      if (posix()) {
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        // The umask can only take permissions away; this restores the owner's if it did.
        Files.setPosixFilePermissions(partial, OWNER_ONLY);
      }
      Files.writeString(partial, token + "\n", US_ASCII);
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the API token file " + file, e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
