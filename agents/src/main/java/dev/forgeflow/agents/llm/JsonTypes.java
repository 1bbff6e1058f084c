package dev.forgeflow.agents.llm;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Set;

/** The JSON schema type names of Java's scalar types. */
final class JsonTypes {
  private static final Set<Class<?>> INTEGERS =
      Set.of(
          byte.class,
          short.class,
          int.class,
          long.class,
          Byte.class,
          Short.class,
          Integer.class,
          Long.class,
          BigInteger.class);
  private static final Set<Class<?>> NUMBERS =
      Set.of(float.class, double.class, Float.class, Double.class, BigDecimal.class);

  private JsonTypes() {}

  static String scalarType(Class<?> cls) {
    if (cls == String.class || cls == char.class || cls == Character.class) {
      return "string";
    }
    if (cls == boolean.class || cls == Boolean.class) {
      return "boolean";
    }
    if (INTEGERS.contains(cls)) {
      return "integer";
    }
    if (NUMBERS.contains(cls)) {
      return "number";
    }
    throw new IllegalArgumentException("no strict JSON schema for " + cls.getName());
  }
}
