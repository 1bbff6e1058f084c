package dev.forgeflow.sandbox.check;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Writes the OpenAPI probe into the probe container's own tmpfs. Docker's archive upload cannot
 * reach a tmpfs mount on a read-only root, so the file travels as an exec argument. The probe
 * container holds no generated code, so nothing but the harness can touch the file.
 */
final class ProbeScript {

  private static final String WRITER =
      "import base64,os,sys;os.makedirs(os.path.dirname(sys.argv[1]),exist_ok=True);"
          + "open(sys.argv[1],'wb').write(base64.b64decode(sys.argv[2]))";

  private ProbeScript() {}

  static void install(CheckContainer prober, String probeScript) {
    String path = "/tmp/forgeflow/openapi_crud_probe.py";
    String encoded =
        Base64.getEncoder().encodeToString(probeScript.getBytes(StandardCharsets.UTF_8));
    ExecResult result =
        prober.run(Duration.ofSeconds(30), "python3", "-I", "-c", WRITER, path, encoded);
    if (!result.succeeded()) {
      throw new IllegalStateException("Could not write " + path + ": " + result.output());
    }
  }
}
