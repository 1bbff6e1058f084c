package dev.forgeflow.sandbox.deploy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process may do to the host, found without running anything. */
final class Privileges {

  private Privileges() {}

  /** Whether the effective user is root, read from {@code /proc/self/status}. */
  static boolean root() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          String[] ids = line.substring(4).trim().split("\\s+");
          return ids.length > 1 && ids[1].equals("0");
        }
      }
    } catch (IOException | RuntimeException unreadable) {
      // not Linux, or no /proc: fall through
    }
    return "root".equals(System.getProperty("user.name"));
  }

  /** Whether {@code command}, a path or a name looked up on the PATH, is an executable file. */
  static boolean executable(String command) {
    if (command.contains(File.separator)) {
      return Files.isExecutable(Path.of(command));
    }
    String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
        return true;
      }
    }
    return false;
  }
}
