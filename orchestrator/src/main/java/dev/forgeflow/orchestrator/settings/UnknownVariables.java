package dev.forgeflow.orchestrator.settings;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Refuses a {@code FORGEFLOW_*} variable that is no setting (a typo such as {@code
 * FORGEFLOW_LLM_MODLE}), suggesting the nearest known name: a typo otherwise leaves the setting
 * silently at its default.
 */
final class UnknownVariables {
  static final String PREFIX = "FORGEFLOW_";
  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private final Set<String> known;

  UnknownVariables(SettingsCatalogue catalogue) {
    this.known =
        catalogue.settings().stream()
            .map(Setting::variable)
            .collect(Collectors.toCollection(TreeSet::new));
    this.known.addAll(OtherVariables.NAMES.keySet());
  }

  /** The first unknown variable among {@code names}, as the line that refuses it. */
  Optional<InvalidSetting> check(Collection<String> names) {
    return names.stream()
        .filter(name -> name.startsWith(PREFIX))
        .filter(name -> !known.contains(name) && !OtherVariables.contains(name))
        .sorted()
        .findFirst()
        .map(name -> new InvalidSetting(name, line(name)));
  }

  private String line(String name) {
    return name
        + ": not a Forgeflow setting; "
        + nearest(name)
            .map(near -> "did you mean " + near + "?")
            .orElse("expected one of the settings in docs/configuration.md");
  }

  /** The known name a few edits away, if one is. */
  Optional<String> nearest(String name) {
    String tail = name.substring(PREFIX.length());
    int allowed = Math.max(2, tail.length() / 3);
    return known.stream()
        .min(Comparator.comparingInt((String k) -> DISTANCE.apply(name, k)).thenComparing(k -> k))
        .filter(k -> DISTANCE.apply(name, k) <= allowed);
  }
}
