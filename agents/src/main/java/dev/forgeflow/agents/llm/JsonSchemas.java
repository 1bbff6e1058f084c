package dev.forgeflow.agents.llm;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives strict-mode JSON schemas from records: every component required, no additional
 * properties, enums as string enums, nested records inline, lists as arrays. A component may be
 * null only when it carries an annotation named {@code Nullable} or is one of the artifacts'
 * documented nullable components.
 */
public final class JsonSchemas {
  private static final Set<String> NULLABLE =
      Set.of("Field.references", "Column.references", "Table.primaryKey", "ReviewIssue.file");

  private static final String DIALECT = "https://json-schema.org/draft/2020-12/schema";

  private JsonSchemas() {}

  /**
   * The schema for a record type, named after it.
   *
   * @throws IllegalArgumentException for non-records, recursive records, or component types with no
   *     strict-mode equivalent (maps, arrays, plain objects)
   */
  public static JsonSchemaSpec forRecord(Class<?> recordType) {
    if (!recordType.isRecord()) {
      throw new IllegalArgumentException(recordType.getName() + " is not a record");
    }
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", DIALECT);
    schema.putAll(object(recordType, new HashSet<>()));
    return new JsonSchemaSpec(recordType.getSimpleName(), schema);
  }

  private static Map<String, Object> object(Class<?> type, Set<Class<?>> enclosing) {
    if (!enclosing.add(type)) {
      throw new IllegalArgumentException(
          "recursive record " + type.getName() + " has no inline schema");
    }
    Map<String, Object> properties = new LinkedHashMap<>();
    for (RecordComponent component : type.getRecordComponents()) {
      Map<String, Object> schema = schema(component.getGenericType(), enclosing);
      properties.put(component.getName(), nullable(type, component) ? orNull(schema) : schema);
    }
    enclosing.remove(type);
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    object.put("properties", properties);
    object.put("required", new ArrayList<>(properties.keySet()));
    object.put("additionalProperties", false);
    return object;
  }

  private static Map<String, Object> schema(Type type, Set<Class<?>> enclosing) {
    if (type instanceof ParameterizedType generic
        && generic.getRawType() instanceof Class<?> raw
        && Collection.class.isAssignableFrom(raw)) {
      Map<String, Object> array = new LinkedHashMap<>();
      array.put("type", "array");
      array.put("items", schema(generic.getActualTypeArguments()[0], enclosing));
      return array;
    }
    if (type instanceof Class<?> cls) {
      return scalarOrObject(cls, enclosing);
    }
    throw new IllegalArgumentException("no strict JSON schema for " + type.getTypeName());
  }

  private static Map<String, Object> scalarOrObject(Class<?> cls, Set<Class<?>> enclosing) {
    if (cls.isRecord()) {
      return object(cls, enclosing);
    }
    if (cls.isEnum()) {
      Map<String, Object> enumeration = new LinkedHashMap<>();
      enumeration.put("type", "string");
      enumeration.put(
          "enum", Arrays.stream(cls.getEnumConstants()).map(c -> ((Enum<?>) c).name()).toList());
      return enumeration;
    }
    return Map.of("type", JsonTypes.scalarType(cls));
  }

  private static boolean nullable(Class<?> owner, RecordComponent component) {
    return NULLABLE.contains(owner.getSimpleName() + "." + component.getName())
        || hasNullable(component.getAnnotations())
        || hasNullable(component.getAnnotatedType().getAnnotations());
  }

  private static boolean hasNullable(Annotation[] annotations) {
    return Arrays.stream(annotations)
        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
  }

  private static Map<String, Object> orNull(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type instanceof String name && !name.equals("object") && !name.equals("array")) {
      Map<String, Object> widened = new LinkedHashMap<>(schema);
      widened.put("type", List.of(name, "null"));
      if (schema.get("enum") instanceof List<?> values) {
        List<Object> withNull = new ArrayList<>(values);
        withNull.add(null);
        widened.put("enum", withNull);
      }
      return widened;
    }
    return Map.of("anyOf", List.of(schema, Map.of("type", "null")));
  }
}
