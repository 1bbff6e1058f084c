package dev.forgeflow.gateway;

import dev.forgeflow.store.accounts.User;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request's proven user, as Spring Security holds it; routes read it with {@link Caller}. */
final class AuthenticatedCaller extends AbstractAuthenticationToken {

  private final User user;

  AuthenticatedCaller(User user) {
    super(List.of());
    this.user = user;
    setAuthenticated(true);
  }

  @Override
  public User getPrincipal() {
    return user;
  }

  @Override
  public Object getCredentials() {
    return null;
  }

  @Override
  public String getName() {
    return user.username();
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
