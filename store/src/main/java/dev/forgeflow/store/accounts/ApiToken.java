package dev.forgeflow.store.accounts;

import java.time.OffsetDateTime;

/**
 * A personal API token as lists show it: no secret, only the token's first characters.
 *
 * @param prefix the start of the token ({@code ffp_} and a few characters) so its owner can tell
 *     tokens apart
 * @param lastUsedAt when it last authenticated a request, or {@code null} if never
 * @param revokedAt when it was revoked, or {@code null} while it is valid
 */
public record ApiToken(
    String id,
    String userId,
    String name,
    String prefix,
    OffsetDateTime createdAt,
    OffsetDateTime lastUsedAt,
    OffsetDateTime revokedAt) {

  /** Whether the token is still accepted. */
  public boolean active() {
    return revokedAt == null;
  }
}
