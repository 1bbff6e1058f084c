package dev.forgeflow.store;

import java.util.Objects;

/**
 * What a client asks for when it creates a run.
 *
 * @param prompt the plain-language description of the service to build; required
 * @param optionsJson the run's options as a JSON object, or {@code null} for none
 * @param ownerId the id of the user the run belongs to, or {@code null} for a run without owner
 * @param projectId the id of the owner's project the run belongs to, or {@code null} for none
 */
public record NewRun(String prompt, String optionsJson, String ownerId, String projectId) {
  public NewRun {
    Objects.requireNonNull(prompt, "prompt");
  }

  /** A run outside any project. */
  public NewRun(String prompt, String optionsJson, String ownerId) {
    this(prompt, optionsJson, ownerId, null);
  }

  /** A run without owner. */
  public NewRun(String prompt, String optionsJson) {
    this(prompt, optionsJson, null, null);
  }
}
