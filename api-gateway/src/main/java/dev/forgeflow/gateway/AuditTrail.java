package dev.forgeflow.gateway;

import dev.forgeflow.store.audit.AuditAction;
import dev.forgeflow.store.audit.AuditLog;
import dev.forgeflow.store.audit.NewAuditEvent;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Records what a request did in the audit trail, with the address it came from. Routes call it on
 * the blocking scheduler right after the action took effect, before any later step that may fail,
 * and only for actions that did take effect: a refused request records nothing (but a refused
 * sign-in, which is the event).
 */
public final class AuditTrail {

  private final AuditLog log;
  private final ClientAddresses addresses;

  /** Records the address of each request's peer. */
  public AuditTrail(AuditLog log) {
    this(log, ClientAddresses.peerOnly());
  }

  /** Records each request's client address as {@code addresses} tells it. */
  public AuditTrail(AuditLog log, ClientAddresses addresses) {
    this.log = log;
    this.addresses = addresses;
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

  /**
   * Runs an audited action on {@code scheduler} to its end, its recording included, even when the
   * client goes away meanwhile: cancelling the request would otherwise interrupt the thread between
   * the action taking effect and its event being written.
   */
  public static <T> Mono<T> toTheEnd(Scheduler scheduler, Callable<T> action) {
    return Mono.fromFuture(
        () -> {
          CompletableFuture<T> done = new CompletableFuture<>();
          scheduler.schedule(
              () -> {
                try {
                  done.complete(action.call());
                } catch (Throwable failed) {
                  done.completeExceptionally(failed);
                }
              });
          return done;
        },
        true);
  }

  /**
   * The address the request comes from (its peer's, or the client's a trusted proxy forwarded), or
   * {@code null} when unknown.
   */
  public String clientAddress(ServerWebExchange exchange) {
    return addresses.of(exchange.getRequest());
  }
}
