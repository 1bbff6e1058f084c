package dev.forgeflow.gateway;

import dev.forgeflow.store.audit.AuditAction;
import dev.forgeflow.store.audit.AuditLog;
import dev.forgeflow.store.audit.NewAuditEvent;
import java.net.InetSocketAddress;
import java.util.Map;
import org.springframework.web.server.ServerWebExchange;

/**
 * Records what a request did in the audit trail, with the address it came from. Routes call it on
 * the blocking scheduler right after the action took effect, before any later step that may fail,
 * and only for actions that did take effect: a refused request records nothing (but a refused
 * sign-in, which is the event).
 */
public final class AuditTrail {

  private final AuditLog log;

  public AuditTrail(AuditLog log) {
    this.log = log;
  }

  /** What was done, to what, and in which project ({@code null} when none). */
  public record Subject(String type, String id, String projectId) {

    public static Subject of(String type, String id) {
      return new Subject(type, id, null);
    }
  }

  /**
   * Appends an event. Blocking: JDBC.
   *
   * @param actorId who did it; {@code null} only for a refused sign-in naming no user
   */
  public void record(
      ServerWebExchange exchange,
      String actorId,
      AuditAction action,
      Subject subject,
      Map<String, String> detail) {
    log.record(
        new NewAuditEvent(
            actorId,
            action,
            subject.type(),
            subject.id(),
            subject.projectId(),
            detail,
            clientAddress(exchange)));
  }

  /** The address of the request's peer, or {@code null} when unknown. */
  static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    if (remote == null) {
      return null;
    }
    return remote.getAddress() == null
        ? remote.getHostString()
        : remote.getAddress().getHostAddress();
  }
}
