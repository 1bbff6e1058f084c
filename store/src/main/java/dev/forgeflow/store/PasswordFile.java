package dev.forgeflow.store;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server's superuser password, generated once and kept in a file only its owner may
 * read or write (mode 0600 where the file system has POSIX permissions).
 */
final class PasswordFile {

  private static final Logger LOG = LoggerFactory.getLogger(PasswordFile.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Path file;

  PasswordFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  boolean exists() {
    return Files.isRegularFile(file);
  }

  /** The kept password; a file others could read is first made owner-only again. */
  String read() {
    try {
      if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
        LOG.warn("{} was readable by others; restricting it to its owner", file);
        Files.setPosixFilePermissions(file, OWNER_ONLY);
      }
      String password = Files.readString(file, US_ASCII).strip();
      if (password.isEmpty()) {
        throw new IllegalStateException(
            "The database password file " + file + " is empty; restore it or remove the data dir");
      }
      return password;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the database password file " + file, e);
    }
  }

  /** Writes {@code password} atomically, owner-only from the moment the file exists. */
  void write(String password) {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try {
      Files.deleteIfExists(partial);
      if (posix()) {
        Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
      Files.writeString(partial, password + "\n", US_ASCII);
      Files.move(
          partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the database password file " + file, e);
    }
  }

  /** 256 random bits, URL-safe Base64: nothing in it needs quoting in SQL or configuration. */
  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Makes {@code directory} owner-only (0700) where the file system has POSIX permissions. */
  static void restrictToOwner(Path directory) {
    if (!posix()) {
      return;
    }
    try {
      Files.setPosixFilePermissions(directory, OWNER_ONLY_DIRECTORY);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not make " + directory + " private to its owner", e);
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
