package dev.forgeflow.store;

import java.util.Objects;

/**
 * What a client asks for when it creates a run.
 *
 * @param prompt the plain-language description of the service to build; required
 * @param optionsJson the run's options as a JSON object, or {@code null} for none
 */
public record NewRun(String prompt, String optionsJson) {
  public NewRun {
    Objects.requireNonNull(prompt, "prompt");
  }
}
