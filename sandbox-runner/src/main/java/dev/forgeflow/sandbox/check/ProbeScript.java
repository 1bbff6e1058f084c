package dev.forgeflow.sandbox.check;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * Writes the probe scripts into the probe container's own tmpfs. Docker's archive upload cannot
 * reach a tmpfs mount on a read-only root, so each file travels as an exec argument. The probe
 * container holds no generated code, so nothing but the harness can touch the files.
 */
final class ProbeScript {

  static final String DIR = "/tmp/forgeflow";
  static final String CRUD_PROBE = DIR + "/" + ProbeScripts.CRUD_PROBE_FILE;
  static final String ATTACK = DIR + "/" + ProbeScripts.ATTACK_FILE;

  private static final String WRITER =
      "import base64,os,sys;os.makedirs(os.path.dirname(sys.argv[1]),exist_ok=True);"
          + "open(sys.argv[1],'wb').write(base64.b64decode(sys.argv[2]))";

  private ProbeScript() {}

  static void install(CheckContainer prober, ProbeScripts scripts) {
    write(prober, CRUD_PROBE, scripts.crudProbe());
    write(prober, ATTACK, scripts.attack());
  }

  private static void write(CheckContainer prober, String path, String text) {
    String encoded = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    ExecResult result =
        prober.run(Duration.ofSeconds(30), "python3", "-I", "-c", WRITER, path, encoded);
    if (!result.succeeded()) {
      throw new IllegalStateException("Could not write " + path + ": " + result.output());
    }
  }
}
