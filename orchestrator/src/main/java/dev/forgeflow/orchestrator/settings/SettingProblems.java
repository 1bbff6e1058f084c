package dev.forgeflow.orchestrator.settings;

import dev.forgeflow.orchestrator.logging.Redaction;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Renders a binding failure of a setting as the one line that refuses it: {@code
 * FORGEFLOW_LLM_TIMEOUT_SECONDS=abc: not a whole number; expected seconds between 1 and 600, such
 * as 60}. A secret's value is never shown ({@code FORGEFLOW_LLM_API_KEY (value hidden): …}), and
 * what looks like one inside another value is masked.
 */
public final class SettingProblems {
  private static final int MAX_VALUE = 80;

  private SettingProblems() {}

  /** The line for the first setting a binding failure is about, if it is about a setting. */
  public static Optional<InvalidSetting> describe(BindException failure) {
    return describe(failure, SettingsCatalogue.get());
  }

  static Optional<InvalidSetting> describe(BindException failure, SettingsCatalogue catalogue) {
    if (failure.getCause() instanceof BindValidationException invalid) {
      return violation(invalid.getValidationErrors(), catalogue);
    }
    String property = failure.getName().toString();
    return catalogue
        .find(property)
        .map(setting -> line(setting, raw(failure.getProperty()), setting.unreadable()));
  }

  private static Optional<InvalidSetting> violation(
      ValidationErrors errors, SettingsCatalogue catalogue) {
    for (ObjectError error : errors) {
      if (error instanceof FieldError field) {
        String property =
            errors.getName() + "." + SettingsCatalogue.dashed(field.getField().split("\\[")[0]);
        Optional<Setting> setting = catalogue.find(property);
        if (setting.isPresent()) {
          String value =
              errors.getBoundProperties().stream()
                  .filter(p -> p.getName().toString().equals(setting.get().property()))
                  .findFirst()
                  .map(SettingProblems::raw)
                  .orElse(null);
          return Optional.of(line(setting.get(), value, field.getDefaultMessage()));
        }
      }
    }
    return Optional.empty();
  }

  static InvalidSetting line(Setting setting, String value, String wrong) {
    String shown;
    if (setting.secret()) {
      shown = " (value hidden)";
    } else if (value == null) {
      shown = "";
    } else {
      shown = "=" + Redaction.redact(printable(value));
    }
    return new InvalidSetting(
        setting.variable(),
        setting.variable() + shown + ": " + wrong + "; expected " + setting.expected());
  }

  private static String raw(ConfigurationProperty property) {
    return property == null || property.getValue() == null
        ? null
        : String.valueOf(property.getValue());
  }

  /** The value on one line, control characters shown as spaces, long values cut. */
  private static String printable(String value) {
    String line = value.replaceAll("[\\p{Cntrl}\\s]+", " ");
    return line.length() > MAX_VALUE ? line.substring(0, MAX_VALUE) + "…" : line;
  }
}
