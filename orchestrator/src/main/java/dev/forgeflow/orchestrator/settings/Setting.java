package dev.forgeflow.orchestrator.settings;

import dev.forgeflow.orchestrator.config.Expected;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One setting: a settings record's component, its property name ({@code forgeflow.llm.model}) and
 * its environment variable ({@code FORGEFLOW_LLM_MODEL}).
 *
 * @param property the canonical property name
 * @param component the record component it binds to
 */
record Setting(String property, RecordComponent component) {
  private static final Pattern SECRET =
      Pattern.compile(".*(key|keys|password|passwords|token|tokens|secret|secrets)");

  /** The environment variable of a property name. */
  static String variable(String property) {
    return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  String variable() {
    return variable(property);
  }

  /** Whether the value must never be shown (keys, passwords, tokens, secrets). */
  boolean secret() {
    return SECRET.matcher(component.getName().toLowerCase(Locale.ROOT)).matches();
  }

  /** What the value must look like: its {@link Expected}, else a form read from its type. */
  String expected() {
    Expected expected = component.getAnnotation(Expected.class);
    if (expected != null) {
      return expected.value();
    }
    Class<?> type = component.getType();
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      // constraints reach the accessor, not the component
      Min min = component.getAccessor().getAnnotation(Min.class);
      Max max = component.getAccessor().getAnnotation(Max.class);
      if (min != null && max != null) {
        return "a whole number between " + min.value() + " and " + max.value();
      }
      return min != null ? "a whole number of at least " + min.value() : "a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "true or false";
    }
    if (type == Duration.class) {
      return "a duration such as 30s, 5m or 2h";
    }
    if (java.util.List.class.isAssignableFrom(type)) {
      return "a comma-separated list";
    }
    return "text";
  }

  /** What is wrong with a value that cannot even be read as the setting's type. */
  String unreadable() {
    Class<?> type = component.getType();
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "not a whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "not true or false";
    }
    if (type == double.class || type == Double.class) {
      return "not a number";
    }
    if (type == Duration.class) {
      return "not a duration";
    }
    return "not a valid " + type.getSimpleName();
  }
}
