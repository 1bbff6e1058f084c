package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Finds a project of the caller by name over the API, creating it when it is missing. */
final class Projects {

  private Projects() {}

  /** The id of the caller's project named {@code name} (whatever its case). */
  static String ensure(ApiClient api, String name) {
    for (int offset = 0; ; offset += 200) {
      JsonNode page = api.get("/api/projects?limit=200&offset={offset}", offset);
      for (JsonNode project : page.path("items")) {
        if (project.path("name").asText().equalsIgnoreCase(name.strip())) {
          return project.path("id").asText();
        }
      }
      if (page.path("items").size() < 200) {
        break;
      }
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
