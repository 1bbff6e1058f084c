package dev.forgeflow.agents.support;

import java.util.Locale;

/** Project names become folder names: kebab-case letters and digits only, at most 60 long. */
public final class ProjectNames {
  private ProjectNames() {}

  public static String sanitize(String raw) {
    String name =
        raw == null
            ? ""
            : raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (name.length() > 60) {
      name = name.substring(0, 60).replaceAll("-+$", "");
    }
    return name.isEmpty() ? "project" : name;
  }
}
