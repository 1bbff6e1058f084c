package dev.forgeflow.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The data directory of this process ({@code FORGEFLOW_DATA_DIR}, default {@code .forgeflow}), held
 * under a lock so that one {@code forgeflow} process at a time uses it. The operating system
 * releases the lock when the process ends, however it ends.
 */
final class DataDir implements AutoCloseable {
  private static final String LOCK_FILE = "forgeflow-cli.lock";
  private final Path path;
  private final FileChannel channel;

  private DataDir(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  /** Where the data directory is, as the stack will resolve it. */
  static Path location() {
    String configured = System.getProperty("forgeflow.data-dir");
    if (configured == null || configured.isBlank()) {
      configured = System.getenv("FORGEFLOW_DATA_DIR");
    }
    if (configured == null || configured.isBlank()) {
      configured = ".forgeflow";
    }
    return Path.of(configured.strip()).toAbsolutePath().normalize();
  }

  /**
   * Creates and locks the data directory.
   *
   * @throws CliProblem if it cannot be created or another process holds it
   */
  static DataDir lock(Path path) {
    FileChannel channel = null;
    try {
      Files.createDirectories(path);
      channel =
          FileChannel.open(
              path.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel);
      if (lock == null) {
        channel.close();
        throw CliProblem.environment(
            "The data directory "
                + path
                + " is in use by another forgeflow process. Wait for it to finish or stop it,"
                + " or set FORGEFLOW_DATA_DIR to another directory.");
      }
      return new DataDir(path, channel);
    } catch (AccessDeniedException denied) {
      closeQuietly(channel);
      throw CliProblem.environment(
          "No permission to use the data directory "
              + path
              + " ("
              + denied.getFile()
              + "). Fix its permissions or set FORGEFLOW_DATA_DIR to a directory you may write.");
    } catch (IOException e) {
      closeQuietly(channel);
      throw CliProblem.environment(
          "Cannot use "
              + path
              + " as the data directory ("
              + reason(e)
              + "). Set FORGEFLOW_DATA_DIR to a directory you may write.");
    }
  }

  Path path() {
    return path;
  }

  /** Releases the lock; the process ending releases it too. */
  @Override
  public void close() {
    closeQuietly(channel);
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      return null;
    }
  }

  static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException inTheWay) {
      return "a file is in the way: " + inTheWay.getFile();
    }
    if (e instanceof NotDirectoryException notFolder) {
      return "not a directory: " + notFolder.getFile();
    }
    if (e instanceof FileSystemException fs) {
      return fs.getReason() != null
          ? fs.getReason() + ": " + fs.getFile()
          : "cannot create " + fs.getFile();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static void closeQuietly(FileChannel channel) {
    try {
      if (channel != null) {
        channel.close();
      }
    } catch (IOException ignored) {
      // the process's end releases it
    }
  }
}
