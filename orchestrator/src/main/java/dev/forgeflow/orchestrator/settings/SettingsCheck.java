package dev.forgeflow.orchestrator.settings;

import dev.forgeflow.orchestrator.logging.Redaction;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * Checks every setting before anything starts: no unknown {@code FORGEFLOW_*} variable in the
 * environment, and every settings record binds and validates as Spring will bind it. The first
 * problem stops start-up as an {@link InvalidSetting}, one line naming the variable.
 */
public final class SettingsCheck
    implements ApplicationContextInitializer<ConfigurableApplicationContext>, Ordered {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    check(context.getEnvironment());
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  /** Checks this process's environment variables and system properties. */
  public static void check() {
    check(new StandardEnvironment());
  }

  /**
   * Checks the settings {@code environment} holds.
   *
   * @throws InvalidSetting naming the first variable that is unknown or wrong
   */
  public static void check(ConfigurableEnvironment environment) {
    check(environment, SettingsCatalogue.get());
  }

  static void check(ConfigurableEnvironment environment, SettingsCatalogue catalogue) {
    BlankVariables.hide(environment);
    refuseUnknown(environment, catalogue);
    Binder binder = Binder.get(environment);
    bindAll(binder, catalogue);
    Redaction.remember(secrets(binder, catalogue));
  }

  private static void refuseUnknown(
      ConfigurableEnvironment environment, SettingsCatalogue catalogue) {
    PropertySource<?> variables =
        environment
            .getPropertySources()
            .get(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
    if (variables instanceof EnumerablePropertySource<?> names) {
      Optional<InvalidSetting> unknown =
          new UnknownVariables(catalogue).check(Arrays.asList(names.getPropertyNames()));
      if (unknown.isPresent()) {
        throw unknown.get();
      }
    }
  }

  /** Binds every settings record as Spring will, validating it; the first failure, in a line. */
  private static void bindAll(Binder binder, SettingsCatalogue catalogue) {
    try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
      SpringValidatorAdapter validator = new SpringValidatorAdapter(validation.getValidator());
      for (SettingsCatalogue.Root root : catalogue.roots()) {
        try {
          binder.bindOrCreate(
              root.prefix(), Bindable.of(root.type()), new ValidationBindHandler(validator));
        } catch (BindException failure) {
          throw SettingProblems.describe(failure, catalogue).orElseThrow(() -> failure);
        }
      }
    }
  }

  /** The values of the secret settings (each item of a comma-separated list on its own). */
  private static List<String> secrets(Binder binder, SettingsCatalogue catalogue) {
    return catalogue.settings().stream()
        .filter(Setting::secret)
        .map(s -> binder.bind(s.property(), String.class).orElse(""))
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(String::strip)
        .toList();
  }
}
