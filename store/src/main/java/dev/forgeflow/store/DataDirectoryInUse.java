package dev.forgeflow.store;

import java.nio.file.Path;

/** Another process (or another instance in this one) holds the data directory's lock. */
public final class DataDirectoryInUse extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  DataDirectoryInUse(Path dataDir, String lockFile) {
    super(
        "The data directory "
            + dataDir.toAbsolutePath()
            + " is in use by another running process (it holds "
            + lockFile
            + "). Stop that process or choose another data directory.");
  }
}
