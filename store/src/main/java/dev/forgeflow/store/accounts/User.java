package dev.forgeflow.store.accounts;

import java.time.OffsetDateTime;

/**
 * A user, without anything secret.
 *
 * @param id a random UUID
 * @param username unique whatever its case, kept in the case it was given
 * @param email unique whatever its case, or {@code null} (the local-mode user has none)
 */
public record User(String id, String username, String email, OffsetDateTime createdAt) {}
