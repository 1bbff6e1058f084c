package dev.forgeflow.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which Forgeflow a sandbox resource belongs to: one instance per data dir or database. Every
 * container, image and network carries {@link #LABEL}, and a janitor only ever lists and removes
 * resources of its own instance, so two data dirs (or two CI jobs) share one Docker daemon safely.
 *
 * @param id {@code i} and 10 hex digits, e.g. {@code i3f09a1c2b7}
 */
public record SandboxInstance(String id) {

  /** The label naming the instance on every container, image and network Forgeflow creates. */
  public static final String LABEL = "dev.forgeflow.instance";

  public SandboxInstance {
    if (id == null || !id.matches("[a-z0-9]{1,16}")) {
      throw new IllegalArgumentException(
          "A sandbox instance id is 1 to 16 lower-case letters or digits, not '" + id + "'");
    }
  }

  /**
   * The instance of a data source: a short hash of what names it (the canonical data dir path, or
   * the JDBC URL of an external database), the same on every start.
   */
  public static SandboxInstance of(String source) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(source.getBytes(StandardCharsets.UTF_8));
      return new SandboxInstance("i" + HexFormat.of().formatHex(hash).substring(0, 10));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The instance of a Forgeflow configuration: its external database's JDBC URL when it has one,
   * else its data dir, canonical (real path when it exists).
   *
   * @param databaseUrl the external database's JDBC URL, or null / blank for the embedded one
   */
  public static SandboxInstance of(String databaseUrl, Path dataDir) {
    if (databaseUrl != null && !databaseUrl.isBlank()) {
      return of(databaseUrl);
    }
    Path canonical = dataDir.toAbsolutePath().normalize();
    try {
      canonical = canonical.toRealPath();
    } catch (IOException notYetMade) {
      // the normalised absolute path names it as well
    }
    return of(canonical.toString());
  }

  /** A copy of {@code labels} with this instance's label added. */
  public Map<String, String> label(Map<String, String> labels) {
    Map<String, String> labelled = new LinkedHashMap<>(labels);
    labelled.put(LABEL, id);
    return labelled;
  }

  /** The label filter that lists this instance's resources only. */
  public Map<String, String> filter() {
    return Map.of(LABEL, id);
  }
}
