package dev.forgeflow.store;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * The embedded server's {@code pg_hba.conf}, rewritten before every start so that a cluster created
 * with other rules (an earlier version trusted every local connection) follows these.
 */
final class ClientAuthentication {

  static final String RULES =
      """
      # Written by Forgeflow before every start; edits are lost.
      # Only password (SCRAM) connections over loopback TCP; no Unix socket, no other address.
      host all all 127.0.0.1/32 scram-sha-256
      """;

  private ClientAuthentication() {}

  static void write(File pgData) {
    try {
      Files.writeString(pgData.toPath().resolve("pg_hba.conf"), RULES);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write pg_hba.conf in " + pgData, e);
    }
  }
}
