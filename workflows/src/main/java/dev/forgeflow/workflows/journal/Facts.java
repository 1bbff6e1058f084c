package dev.forgeflow.workflows.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalogue's records as stored payloads and back. A payload is the record's components as a
 * JSON object, so the stored field names are the component names; reading ignores fields the record
 * does not have (such as the {@code attempt} activities add).
 */
public final class Facts {
  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};
  private static final List<Class<? extends Fact>> RECORDS = records(Fact.class);
  private static final Map<String, Class<? extends Fact>> BY_TYPE = byType(RECORDS);

  private Facts() {}

  /** The fact's payload as a map of plain values, in component order. */
  public static Map<String, Object> payload(Fact fact) {
    return JSON.convertValue(fact, MAP);
  }

  /** The fact's payload as JSON. */
  public static String json(Fact fact) {
    return json(payload(fact));
  }

  /** A payload map as JSON. */
  public static String json(Map<String, Object> payload) {
    try {
      return JSON.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("a journal payload holds plain data only", e);
    }
  }

  /**
   * Reads a stored payload as the given record.
   *
   * @throws IllegalArgumentException if the payload is not JSON or does not fit the record
   */
  public static <F extends Fact> F read(Class<F> record, String payloadJson) {
    try {
      return JSON.readValue(payloadJson, record);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "not a " + typeOf(record) + " payload: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads a stored event as its record; empty if the type is not in the catalogue. */
  public static Optional<Fact> read(String type, String payloadJson) {
    Class<? extends Fact> record = BY_TYPE.get(type);
    return record == null ? Optional.empty() : Optional.of(read(record, payloadJson));
  }

  /** Every record of the catalogue. */
  public static List<Class<? extends Fact>> records() {
    return RECORDS;
  }

  /** Every event type of the catalogue, with its record. */
  public static Map<String, Class<? extends Fact>> types() {
    return BY_TYPE;
  }

  /** A record's {@code TYPE}. */
  public static String typeOf(Class<? extends Fact> record) {
    try {
      return (String) record.getField("TYPE").get(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException(record.getName() + " has no public String TYPE", e);
    }
  }

  private static List<Class<? extends Fact>> records(Class<?> sealed) {
    List<Class<? extends Fact>> found = new ArrayList<>();
    for (Class<?> permitted : sealed.getPermittedSubclasses()) {
      if (permitted.isRecord()) {
        found.add(permitted.asSubclass(Fact.class));
      } else {
        found.addAll(records(permitted));
      }
    }
    return Collections.unmodifiableList(found);
  }

  private static Map<String, Class<? extends Fact>> byType(List<Class<? extends Fact>> records) {
    Map<String, Class<? extends Fact>> byType = new LinkedHashMap<>();
    for (Class<? extends Fact> record : records) {
      Class<? extends Fact> other = byType.putIfAbsent(typeOf(record), record);
      if (other != null) {
        throw new IllegalStateException(
            record.getSimpleName() + " and " + other.getSimpleName() + " share one type name");
      }
    }
    return Collections.unmodifiableMap(byType);
  }
}
