package dev.forgeflow.orchestrator.settings;

import java.util.Optional;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;

/**
 * Reports a wrong setting as its one line, whether the start-up check ({@link InvalidSetting}) or
 * Spring's own binding of a settings record ({@link BindException}) found it; ahead of Spring
 * Boot's analyzers, which would print the value, secrets included.
 */
public final class InvalidSettingFailureAnalyzer implements FailureAnalyzer, Ordered {

  @Override
  public FailureAnalysis analyze(Throwable failure) {
    return line(failure)
        .map(
            invalid ->
                new FailureAnalysis(
                    invalid.getMessage(),
                    "Correct " + invalid.variable() + " and start again.",
                    invalid))
        .orElse(null);
  }

  /** The one line for a failure caused by a wrong setting, if it was. */
  public static Optional<InvalidSetting> line(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof InvalidSetting invalid) {
        return Optional.of(invalid);
      }
      if (cause instanceof BindException bind) {
        Optional<InvalidSetting> described = SettingProblems.describe(bind);
        if (described.isPresent()) {
          return described;
        }
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return Optional.empty();
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
