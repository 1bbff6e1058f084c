package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Finds a project of the caller by name over the API, creating it when it is missing. */
final class Projects {

  private Projects() {}

  /**
   * The id of the caller's project named {@code name} (whatever its case).
   *
   * @throws CliProblem if there is none
   */
  static String find(ApiClient api, String name) {
    return named(api, name)
        .orElseThrow(
            () ->
                CliProblem.badInput(
                    "You have no project named '"
                        + TerminalText.clean(name.strip())
                        + "'; 'forgeflow run --project NAME' or 'forgeflow docs add NAME FILE'"
                        + " creates one."));
  }

  private static java.util.Optional<String> named(ApiClient api, String name) {
    for (int offset = 0; ; offset += 200) {
      JsonNode page = api.get("/api/projects?limit=200&offset={offset}", offset);
      for (JsonNode project : page.path("items")) {
        if (project.path("name").asText().equalsIgnoreCase(name.strip())) {
          return java.util.Optional.of(project.path("id").asText());
        }
      }
      if (page.path("items").size() < 200) {
        return java.util.Optional.empty();
      }
    }
  }

  /** The id of the caller's project named {@code name} (whatever its case), created if missing. */
  static String ensure(ApiClient api, String name) {
    java.util.Optional<String> found = named(api, name);
    if (found.isPresent()) {
      return found.get();
    }
    try {
      return api.post(Map.of("name", name), "/api/projects").path("id").asText();
    } catch (ApiProblem taken) {
      if (taken.status() == 409) {
        return ensure(api, name); // created meanwhile by another command
      }
      throw taken;
    }
  }
}
