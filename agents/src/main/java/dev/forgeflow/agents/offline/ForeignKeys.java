package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Field;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Resolves {@code book_id} to a foreign key to {@code Book} when {@code books} is a resource. A key
 * that would close a cycle of required keys (a category's own {@code category_id}) is made
 * optional, so every resource can be created.
 */
final class ForeignKeys {
  private final Map<String, String> classByPlural;
  private final Map<String, Set<String>> requiredTargets = new HashMap<>();

  ForeignKeys(Map<String, String> classByPlural) {
    this.classByPlural = classByPlural;
  }

  /** The field a raw field becomes in the entity {@code owner}. */
  Field field(String owner, RawField raw) {
    String target = target(raw);
    if (target == null) {
      String type = raw.type() != null ? raw.type() : raw.name().endsWith("_id") ? "int" : "str";
      return new Field(raw.name(), type, !raw.optional(), null);
    }
    boolean required = !raw.optional() && !reaches(target, owner);
    if (required) {
      requiredTargets.computeIfAbsent(owner, k -> new HashSet<>()).add(target);
    }
    return new Field(raw.name(), "int", required, target);
  }

  private String target(RawField raw) {
    boolean intLike = raw.type() == null || raw.type().equals("int");
    if (!intLike || !raw.name().endsWith("_id") || raw.name().equals("_id")) {
      return null;
    }
    String prefix = raw.name().substring(0, raw.name().length() - "_id".length());
    return prefix.isEmpty() ? null : classByPlural.get(Inflector.pluralName(prefix));
  }

  /** Whether {@code from} already depends on {@code to} through required keys (or is it). */
  private boolean reaches(String from, String to) {
    if (from.equals(to)) {
      return true;
    }
    for (String next : requiredTargets.getOrDefault(from, Set.of())) {
      if (reaches(next, to)) {
        return true;
      }
    }
    return false;
  }
}
