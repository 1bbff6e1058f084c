package dev.forgeflow.gateway.accounts;

import dev.forgeflow.gateway.AuditTrail;
import dev.forgeflow.gateway.AuditTrail.Subject;
import dev.forgeflow.gateway.Caller;
import dev.forgeflow.gateway.Problems;
import dev.forgeflow.store.accounts.Accounts;
import dev.forgeflow.store.accounts.ApiToken;
import dev.forgeflow.store.accounts.IssuedToken;
import dev.forgeflow.store.audit.AuditAction;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

/**
 * The caller's personal API tokens: issue one (its secret shown this once), list them (never a
 * secret), revoke one. Someone else's token is as missing as no token.
 */
@RestController
@RequestMapping("/api/tokens")
final class TokensController {

  private final Accounts accounts;
  private final AuditTrail audit;
  private final Scheduler blocking;

  TokensController(Accounts accounts, AuditTrail audit, Scheduler blocking) {
    this.accounts = accounts;
    this.audit = audit;
    this.blocking = blocking;
  }

  /**
   * @param name what the token is for, such as the machine it is kept on
   */
  record NewToken(
      @NotBlank(message = "is required") @Size(max = 100, message = "is too long") String name) {}

  /** A token as lists show it: {@code prefix} is its start, to tell tokens apart. */
  record TokenBody(
      String id,
      String name,
      String prefix,
      OffsetDateTime createdAt,
      OffsetDateTime lastUsedAt,
      OffsetDateTime revokedAt) {

    static TokenBody of(ApiToken token) {
      return new TokenBody(
          token.id(),
          token.name(),
          token.prefix(),
          token.createdAt(),
          token.lastUsedAt(),
          token.revokedAt());
    }
  }

  /** A token just issued; {@code token} is its secret, never shown again. */
  record IssuedTokenBody(
      String id, String name, String prefix, OffsetDateTime createdAt, String token) {

    static IssuedTokenBody of(IssuedToken issued) {
      ApiToken token = issued.token();
      return new IssuedTokenBody(
          token.id(), token.name(), token.prefix(), token.createdAt(), issued.secret());
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
      return "IssuedTokenBody[id=" + id + ", name=" + name + "]";
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Mono<IssuedTokenBody> issue(@Valid @RequestBody NewToken body, ServerWebExchange exchange) {
    String userId = Caller.user(exchange).id();
    return AuditTrail.toTheEnd(blocking, () -> issue(exchange, userId, body.name()))
        .onErrorMap(IllegalArgumentException.class, bad -> Problems.badRequest(bad.getMessage()))
        .map(IssuedTokenBody::of);
  }

  @GetMapping
  Mono<List<TokenBody>> list(ServerWebExchange exchange) {
    String userId = Caller.user(exchange).id();
    return Mono.fromCallable(() -> accounts.tokens(userId).stream().map(TokenBody::of).toList())
        .subscribeOn(blocking);
  }

  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revoke(@PathVariable String id, ServerWebExchange exchange) {
    String userId = Caller.user(exchange).id();
    return AuditTrail.toTheEnd(blocking, () -> revoke(exchange, userId, id))
        .flatMap(
            revoked -> revoked ? Mono.empty() : Mono.error(Problems.notFound("No such token")));
  }

  /** Called on the blocking scheduler. */
  private IssuedToken issue(ServerWebExchange exchange, String userId, String name) {
    IssuedToken issued = accounts.issueToken(userId, name);
    ApiToken token = issued.token();
    audit.record(
        exchange,
        userId,
        AuditAction.TOKEN_CREATED,
        Subject.of("token", token.id()),
        Map.of("name", token.name(), "prefix", token.prefix()));
    return issued;
  }

  /**
   * Revokes the token; records it the first time only (revoking it again changes nothing). Called
   * on the blocking scheduler.
   */
  private boolean revoke(ServerWebExchange exchange, String userId, String tokenId) {
    Optional<ApiToken> token =
        accounts.tokens(userId).stream().filter(t -> t.id().equals(tokenId)).findFirst();
    if (token.isEmpty() || !accounts.revokeToken(userId, tokenId)) {
      return false;
    }
    if (token.get().revokedAt() == null) {
      audit.record(
          exchange,
          userId,
          AuditAction.TOKEN_REVOKED,
          Subject.of("token", tokenId),
          Map.of("name", token.get().name(), "prefix", token.get().prefix()));
    }
    return true;
  }
}
