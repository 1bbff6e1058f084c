package dev.forgeflow.gateway.accounts;

import dev.forgeflow.store.accounts.User;
import java.time.OffsetDateTime;

/**
 * A user as the API shows them: never anything secret.
 *
 * @param email the user's address, or {@code null}
 */
record UserBody(String id, String username, String email, OffsetDateTime createdAt) {

  static UserBody of(User user) {
    return new UserBody(user.id(), user.username(), user.email(), user.createdAt());
  }
}
