package dev.forgeflow.store.projects;

/** The owner has a project with that name already (whatever the case). */
public final class DuplicateProjectException extends RuntimeException {

  public DuplicateProjectException(String name) {
    super("You have a project named " + name + " already");
  }
}
