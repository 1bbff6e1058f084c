package dev.forgeflow.store.audit;

import java.util.Arrays;
import java.util.Optional;

/** What an audit event records; {@link #code()} is the name stored and shown to clients. */
public enum AuditAction {
  SIGNED_IN("session.signed_in"),
  SIGN_IN_REFUSED("session.refused"),
  TOKEN_CREATED("token.created"),
  TOKEN_REVOKED("token.revoked"),
  RUN_CREATED("run.created"),
  RUN_CANCELLED("run.cancelled"),
  RUN_APPROVED("run.approved"),
  RUN_CHANGES_REQUESTED("run.changes_requested"),
  RUN_REJECTED("run.rejected"),
  DEPLOYMENT_STARTED("deployment.started"),
  DEPLOYMENT_STOPPED("deployment.stopped"),
  PROJECT_DELETED("project.deleted");

  private final String code;

  AuditAction(String code) {
    this.code = code;
  }

  /** The stored name, such as {@code run.created}. */
  public String code() {
    return code;
  }

  /** The action with this stored name, or empty. */
  public static Optional<AuditAction> ofCode(String code) {
    return Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst();
  }
}
