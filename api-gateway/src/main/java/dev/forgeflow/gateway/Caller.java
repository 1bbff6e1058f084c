package dev.forgeflow.gateway;

import dev.forgeflow.store.accounts.User;
import org.springframework.web.server.ServerWebExchange;

/**
 * The authenticated user of a request, however it proved who it is (an API token or a browser
 * session). The authentication filter ({@link WebSecurity}) {@linkplain #authenticate records} the
 * user before any protected route under {@code /api/} runs (all but signing up and in); routes read
 * it with {@link #user}.
 */
public final class Caller {

  private static final String USER = Caller.class.getName() + ".user";

  private Caller() {}

  /** The user of a request the authentication filter let through. */
  public static User user(ServerWebExchange exchange) {
    return exchange.getRequiredAttribute(USER);
  }

  /** Records the request's authenticated user. */
  static void authenticate(ServerWebExchange exchange, User user) {
    exchange.getAttributes().put(USER, user);
  }
}
