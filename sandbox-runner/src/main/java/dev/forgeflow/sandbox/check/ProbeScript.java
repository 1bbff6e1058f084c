package dev.forgeflow.sandbox.check;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The helper scripts a check runs, written into the container's tmpfs. Docker's archive upload
 * cannot reach a tmpfs mount on a read-only root, so each file travels as an exec argument.
 */
final class Scripts {

  static final String DIR = "/tmp/forgeflow";
  static final String COMPILE = DIR + "/compile_all.py";
  static final String WAIT_READY = DIR + "/wait_ready.py";
  static final String PROBE = DIR + "/openapi_crud_probe.py";

  private static final String WRITER =
      "import base64,os,sys;os.makedirs(os.path.dirname(sys.argv[1]),exist_ok=True);"
          + "open(sys.argv[1],'wb').write(base64.b64decode(sys.argv[2]))";

  private Scripts() {}

  /** Writes the compile and readiness helpers and the probe into the container. */
  static void install(CheckContainer container, String probeScript) {
    write(container, COMPILE, resource("compile_all.py"));
    write(container, WAIT_READY, resource("wait_ready.py"));
    write(container, PROBE, probeScript);
  }

  private static void write(CheckContainer container, String path, String content) {
    String encoded = Base64.getEncoder().encodeToString(content.getBytes(StandardCharsets.UTF_8));
    ExecResult result =
        container.run(Duration.ofSeconds(30), "python3", "-c", WRITER, path, encoded);
    if (!result.succeeded()) {
      throw new IllegalStateException("Could not write " + path + ": " + result.output());
    }
  }

  private static String resource(String name) {
    try (InputStream in = Scripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("Missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
