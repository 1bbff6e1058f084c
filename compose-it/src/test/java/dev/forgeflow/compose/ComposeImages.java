package dev.forgeflow.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The compose images: {@code scripts/compose-images} adds the app image of this build's jar. */
final class ComposeImages {

  private ComposeImages() {}

  /**
   * Builds (or finds) the app image of {@code cli/target/forgeflow.jar} into the settings file
   * {@code settings}, then reads every setting it holds.
   */
  static Map<String, String> withApp(Path repo, Path settings)
      throws IOException, InterruptedException {
    Path jar = repo.resolve("cli/target/forgeflow.jar");
    Process build =
        new ProcessBuilder(
                repo.resolve("scripts/compose-images").toString(),
                "--app-jar",
                jar.toString(),
                "--env-file",
                settings.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!build.waitFor(20, TimeUnit.MINUTES) || build.exitValue() != 0) {
      build.destroyForcibly();
      throw new IllegalStateException("scripts/compose-images --app-jar " + jar + " failed");
    }
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(settings)) {
      int equals = line.indexOf('=');
      if (equals > 0 && !line.startsWith("#")) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return values;
  }
}
