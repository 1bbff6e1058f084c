package dev.forgeflow.sandbox.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An {@code iptables} stand-in on a temporary path that fails the way iptables does for a user who
 * is not root, and counts how often it was run.
 */
record FakeIptables(Path script, Path callLog) {

  static FakeIptables failingLikeNonRoot(Path dir) throws IOException {
    Path calls = dir.resolve("iptables.calls");
    Path script = dir.resolve("iptables");
    Files.writeString(
        script,
        "#!/bin/sh\n"
            + "echo called >> '"
            + calls
            + "'\n"
            + "echo 'iptables v1.8.9 (nf_tables): Could not fetch rule set generation id:"
            + " Permission denied (you must be root)' >&2\n"
            + "echo 'Perhaps iptables or your kernel needs to be upgraded.' >&2\n"
            + "exit 4\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return new FakeIptables(script, calls);
  }

  String path() {
    return script.toString();
  }

  /** How many times the script ran. */
  long calls() throws IOException {
    return Files.exists(callLog) ? Files.readAllLines(callLog).size() : 0;
  }
}
