package dev.forgeflow.sandbox.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The texts of the two scripts that judge a running service from outside its container: the OpenAPI
 * CRUD probe and the attack that follows it (which imports the probe's spec reading).
 *
 * @param crudProbe {@code openapi_crud_probe.py}
 * @param attack {@code openapi_attack.py}
 */
public record ProbeScripts(String crudProbe, String attack) {

  /** The file names both scripts are installed under, side by side. */
  public static final String CRUD_PROBE_FILE = "openapi_crud_probe.py";

  public static final String ATTACK_FILE = "openapi_attack.py";

  /** Both scripts from the classpath's {@code /probes/} folder. */
  public static ProbeScripts fromClasspath() {
    return new ProbeScripts(resource(CRUD_PROBE_FILE), resource(ATTACK_FILE));
  }

  /** Both scripts from a folder, e.g. the source tree's {@code probes} resources in tests. */
  public static ProbeScripts fromDirectory(Path directory) {
    try {
      return new ProbeScripts(
          Files.readString(directory.resolve(CRUD_PROBE_FILE)),
          Files.readString(directory.resolve(ATTACK_FILE)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the probe scripts in " + directory, e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = ProbeScripts.class.getResourceAsStream("/probes/" + name)) {
      if (in == null) {
        throw new IllegalStateException("the resource /probes/" + name + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
