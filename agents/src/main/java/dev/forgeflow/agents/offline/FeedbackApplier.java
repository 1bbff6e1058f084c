package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies reviewer feedback to the entities, deterministically: resources the feedback declares
 * with their fields ({@code tags (name)}) are added or replace the resource of that name, and
 * {@code remove tags} removes one. Anything else is recorded, and changes nothing.
 */
final class FeedbackApplier {
  private static final Pattern REMOVAL =
      Pattern.compile(
          "\\b(?:remove|drop)\\s+(?:the\\s+)?([A-Za-z][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

  /** The entities after the feedback, and one line per change made (or why none was). */
  record Result(List<Entity> entities, List<String> outcome) {}

  private FeedbackApplier() {}

  static Result apply(List<Entity> entities, String feedback) {
    if (feedback == null || feedback.isBlank()) {
      return new Result(entities, List.of());
    }
    try {
      return merge(entities, PromptReader.normalize(feedback));
    } catch (PromptNotUnderstoodException e) {
      return new Result(
          entities, List.of("Not applied, the design is unchanged: " + e.getMessage()));
    }
  }

  private static Result merge(List<Entity> entities, String feedback) {
    Map<String, RawResource> resources = new LinkedHashMap<>();
    entities.forEach(e -> resources.put(e.plural(), raw(e)));
    List<String> outcome = new ArrayList<>();
    for (RawResource declared : PromptReader.declarations(feedback)) {
      String plural = Inflector.pluralName(declared.word());
      boolean known = resources.containsKey(plural);
      resources.put(plural, new RawResource(plural, declared.fields(), 0));
      outcome.add(
          (known ? "Changed " : "Added ") + declared.describe().replaceFirst("^\\w+", plural));
    }
    Matcher removal = REMOVAL.matcher(feedback);
    while (removal.find()) {
      String plural = Inflector.pluralName(removal.group(1).toLowerCase(Locale.ROOT));
      if (resources.remove(plural) != null) {
        outcome.add("Removed " + plural);
      }
    }
    if (outcome.isEmpty()) {
      return new Result(
          entities,
          List.of(
              "No resource change could be read from it, so the design is unchanged; name"
                  + " resources with their fields in parentheses to add or change them, e.g."
                  + " tags (name, color), or write remove tags."));
    }
    if (resources.isEmpty()) {
      return new Result(entities, List.of("Not applied: it would remove every resource."));
    }
    return new Result(EntityAssembler.assemble(List.copyOf(resources.values())), outcome);
  }

  private static RawResource raw(Entity entity) {
    List<RawField> fields = new ArrayList<>();
    for (Field field : entity.fields()) {
      fields.add(new RawField(field.name(), field.type(), !field.required()));
    }
    return new RawResource(entity.plural(), fields, 0);
  }
}
