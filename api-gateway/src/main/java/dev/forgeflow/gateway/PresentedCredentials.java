package dev.forgeflow.gateway;

import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/**
 * What a request offers to prove who it is, not yet checked: a personal API token ({@code
 * Authorization: Bearer}) or else a browser session's cookie. A request with a Bearer token is
 * judged by the token alone, whatever cookies it carries.
 */
final class PresentedCredentials extends AbstractAuthenticationToken {

  enum Kind {
    API_TOKEN,
    SESSION
  }

  private static final String BEARER = "Bearer ";

  private final Kind kind;
  private final String secret;

  private PresentedCredentials(Kind kind, String secret) {
    super(List.of());
    this.kind = kind;
    this.secret = secret;
  }

  /** The request's Bearer token, or else its session cookie, or nothing. */
  static Optional<PresentedCredentials> of(ServerHttpRequest request) {
    Optional<String> token = bearerToken(request.getHeaders());
    if (token.isPresent()) {
      return Optional.of(new PresentedCredentials(Kind.API_TOKEN, token.get()));
    }
    return SessionCookie.read(request).map(id -> new PresentedCredentials(Kind.SESSION, id));
  }

  static Optional<String> bearerToken(HttpHeaders headers) {
    String authorization = headers.getFirst(HttpHeaders.AUTHORIZATION);
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.empty();
    }
    String token = authorization.substring(BEARER.length()).strip();
    return token.isEmpty() ? Optional.empty() : Optional.of(token);
  }

  Kind kind() {
    return kind;
  }

  /** The token or the session id; {@link #toString} never shows it. */
  @Override
  public String getCredentials() {
    return secret;
  }

  @Override
  public Kind getPrincipal() {
    return kind;
  }

  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }
}
