package dev.forgeflow.gateway.accounts;

import dev.forgeflow.gateway.AuditTrail;
import dev.forgeflow.gateway.AuditTrail.Subject;
import dev.forgeflow.gateway.Problems;
import dev.forgeflow.gateway.SessionCookie;
import dev.forgeflow.store.accounts.Accounts;
import dev.forgeflow.store.accounts.DuplicateUserException;
import dev.forgeflow.store.accounts.IssuedSession;
import dev.forgeflow.store.accounts.User;
import dev.forgeflow.store.audit.AuditAction;
import jakarta.validation.Valid;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * Browser sessions: signing up and in start one (its cookie set, the CSRF token renewed), signing
 * out ends it. Signing up and in need the CSRF token too, from {@code GET /api/auth/csrf}.
 */
@RestController
@RequestMapping("/api/auth")
final class AuthController {

  /** The same for an unknown login and a wrong password. */
  static final String WRONG_CREDENTIALS = "The login or the password is wrong";

  private final Accounts accounts;
  private final SessionCookie sessions;
  private final ServerCsrfTokenRepository csrfTokens;
  private final SignInThrottle throttle;
  private final AuditTrail audit;
  private final Scheduler blocking;

  AuthController(
      Accounts accounts,
      SessionCookie sessions,
      ServerCsrfTokenRepository csrfTokens,
      SignInThrottle throttle,
      AuditTrail audit,
      Scheduler blocking) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.csrfTokens = csrfTokens;
    this.throttle = throttle;
    this.audit = audit;
    this.blocking = blocking;
  }

  /** The token to echo in {@code headerName}; also set as the readable cookie it must match. */
  record CsrfBody(String headerName, String token) {}

  /** A user just signed in and their new session. */
  private record Started(User user, IssuedSession session) {}

  @GetMapping("/csrf")
  Mono<CsrfBody> csrf(ServerWebExchange exchange) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    return token == null
        ? Mono.error(new IllegalStateException("No CSRF filter ran"))
        : token.map(t -> new CsrfBody(t.getHeaderName(), t.getToken()));
  }

  @PostMapping("/sign-up")
  @ResponseStatus(HttpStatus.CREATED)
  Mono<UserBody> signUp(@Valid @RequestBody SignUp body, ServerWebExchange exchange) {
    return AuditTrail.toTheEnd(
            blocking, () -> start(exchange, accounts.createUser(body.toNewUser()), "sign-up"))
        .onErrorMap(DuplicateUserException.class, taken -> Problems.conflict(taken.getMessage()))
        .onErrorMap(IllegalArgumentException.class, bad -> Problems.badRequest(bad.getMessage()))
        .flatMap(started -> begin(exchange, started));
  }

  @PostMapping("/sign-in")
  Mono<UserBody> signIn(@Valid @RequestBody SignIn body, ServerWebExchange exchange) {
    String address = address(exchange);
    Optional<Duration> wait = throttle.attempt(body.login(), address);
    if (wait.isPresent()) {
      return Mono.error(
          Problems.tooManyRequests("Too many failed sign-ins: try again later", wait.get()));
    }
    return AuditTrail.toTheEnd(blocking, () -> verify(exchange, body))
        .flatMap(
            started -> {
              if (started.isEmpty()) {
                return Mono.error(Problems.unauthorized(WRONG_CREDENTIALS));
              }
              throttle.succeeded(body.login(), address);
              return begin(exchange, started.get());
            });
  }

  @PostMapping("/sign-out")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> signOut(ServerWebExchange exchange) {
    Optional<String> session = SessionCookie.read(exchange.getRequest());
    return Mono.fromRunnable(() -> session.ifPresent(accounts::revokeSession))
        .subscribeOn(blocking)
        .then(Mono.fromRunnable(() -> SessionCookie.clear(exchange)))
        .then(renewCsrfToken(exchange));
  }

  /**
   * Starts a session if the password is right; records the sign-in or its refusal (naming the user
   * whose login it was, if any). Called on the blocking scheduler.
   */
  private Optional<Started> verify(ServerWebExchange exchange, SignIn body) {
    Optional<User> user = accounts.verifyPassword(body.login(), body.password());
    if (user.isPresent()) {
      return Optional.of(start(exchange, user.get(), "password"));
    }
    String named = accounts.findUserByLogin(body.login()).map(User::id).orElse(null);
    audit.record(
        exchange,
        named,
        AuditAction.SIGN_IN_REFUSED,
        Subject.of("user", named),
        Map.of("login", body.login()));
    return Optional.empty();
  }

  /** Called on the blocking scheduler. */
  private Started start(ServerWebExchange exchange, User user, String via) {
    Started started = new Started(user, accounts.createSession(user.id(), sessions.lifetime()));
    audit.record(
        exchange,
        user.id(),
        AuditAction.SIGNED_IN,
        Subject.of("user", user.id()),
        Map.of("via", via));
    return started;
  }

  private Mono<UserBody> begin(ServerWebExchange exchange, Started started) {
    sessions.set(exchange, started.session().id());
    return renewCsrfToken(exchange).thenReturn(UserBody.of(started.user()));
  }

  /** A new CSRF token whenever who is signed in changes, so none planted before stays valid. */
  private Mono<Void> renewCsrfToken(ServerWebExchange exchange) {
    return csrfTokens.generateToken(exchange).flatMap(t -> csrfTokens.saveToken(exchange, t));
  }

  private String address(ServerWebExchange exchange) {
    String address = audit.clientAddress(exchange);
    return address == null ? "unknown" : address;
  }
}
