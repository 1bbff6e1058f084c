package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns declarations into entities: names checked and inflected, {@code id} dropped (it is
 * generated), {@code x_id} resolved to a foreign key when x is a resource of the prompt.
 */
final class EntityAssembler {
  private final List<RawResource> declarations;
  private final Map<String, String> classByPlural = new LinkedHashMap<>();

  private EntityAssembler(List<RawResource> declarations) {
    this.declarations = declarations;
  }

  /**
   * The entities of the declarations. A resource declared twice the same way (a summary and a
   * section of one document, or the prompt and a document) is read once; declared differently, it
   * is refused.
   */
  static List<Entity> assemble(List<RawResource> declarations) {
    Map<String, RawResource> first = new LinkedHashMap<>();
    List<RawResource> distinct = new ArrayList<>();
    for (RawResource resource : declarations) {
      RawResource earlier = first.putIfAbsent(Inflector.pluralName(resource.word()), resource);
      if (earlier == null || !earlier.fields().equals(resource.fields())) {
        distinct.add(resource);
      }
    }
    return new EntityAssembler(distinct).entities();
  }

  private List<Entity> entities() {
    for (RawResource resource : declarations) {
      String plural = Inflector.pluralName(resource.word());
      String className = Inflector.className(plural);
      Identifiers.resourceProblem(plural, className).ifPresent(this::reject);
      if (classByPlural.containsKey(plural)) {
        reject("the resource '" + plural + "' is declared twice");
      }
      classByPlural.put(plural, className);
    }
    ForeignKeys keys = new ForeignKeys(classByPlural);
    List<Entity> entities = new ArrayList<>();
    for (RawResource resource : declarations) {
      String plural = Inflector.pluralName(resource.word());
      entities.add(new Entity(classByPlural.get(plural), plural, fields(resource, keys)));
    }
    return entities;
  }

  private List<Field> fields(RawResource resource, ForeignKeys keys) {
    String className = classByPlural.get(Inflector.pluralName(resource.word()));
    Set<String> seen = new LinkedHashSet<>();
    List<Field> fields = new ArrayList<>();
    for (RawField raw : resource.fields()) {
      if (raw.name().equals("id")) {
        continue;
      }
      Identifiers.fieldProblem(raw.name()).ifPresent(this::reject);
      if (!seen.add(raw.name())) {
        reject("the field '" + raw.name() + "' appears twice in " + resource.word());
      }
      fields.add(keys.field(className, raw));
    }
    if (fields.isEmpty()) {
      reject("the resource '" + resource.word() + "' has no fields besides its generated id");
    }
    return fields;
  }

  private void reject(String problem) {
    String understood =
        declarations.stream().map(RawResource::describe).collect(Collectors.joining(", "));
    throw new PromptNotUnderstoodException(problem, "It understood: " + understood + ".");
  }
}
