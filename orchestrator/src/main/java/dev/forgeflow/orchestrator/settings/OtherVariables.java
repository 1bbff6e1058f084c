package dev.forgeflow.orchestrator.settings;

import java.util.List;
import java.util.Map;

/**
 * The {@code FORGEFLOW_*} variables that are not application settings, each with who reads it, so
 * that the start-up check lets them be; and the prefixes of the tests' own variables. A variable
 * read anywhere else is either a settings record component or named here.
 */
final class OtherVariables {

  /** Variable, and who reads it. */
  static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("FORGEFLOW_URL", "the CLI: the server it talks to"),
          Map.entry("FORGEFLOW_TOKEN", "the CLI: its API token"),
          Map.entry("FORGEFLOW_JAVA_OPTS", "the forgeflow launcher: options for java"),
          Map.entry("FORGEFLOW_CHROMIUM", "bench and scripts/web-e2e: the browser"),
          Map.entry("FORGEFLOW_DEBIAN_MIRROR", "the sandbox base image build"),
          Map.entry("FORGEFLOW_DOCKERD_ARGS", "scripts/docker-engine"),
          Map.entry("FORGEFLOW_DOCKERD_WAIT", "scripts/docker-engine"),
          Map.entry("FORGEFLOW_FUZZ_EXAMPLES", "scripts/api-fuzz"),
          Map.entry("FORGEFLOW_REQUIRE_BUNDLE", "the web build's tests"),
          Map.entry("FORGEFLOW_WEB_OUT", "the web build"),
          Map.entry("FORGEFLOW_TOOLS_DIR", "scripts/lib.sh"),
          Map.entry("FORGEFLOW_HOST", "the application image's entrypoint: serve --host"),
          Map.entry("FORGEFLOW_PORT", "the application image's entrypoint: serve --port"));

  /** Test and build tooling: {@code FORGEFLOW_IT_*} and {@code FORGEFLOW_TEST_*}. */
  static final List<String> PREFIXES = List.of("FORGEFLOW_IT_", "FORGEFLOW_TEST_");

  private OtherVariables() {}

  static boolean contains(String variable) {
    return NAMES.containsKey(variable) || PREFIXES.stream().anyMatch(variable::startsWith);
  }
}
