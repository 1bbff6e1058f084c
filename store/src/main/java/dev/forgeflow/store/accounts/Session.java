package dev.forgeflow.store.accounts;

import java.time.OffsetDateTime;

/** A valid browser session: whose it is and until when it lasts. */
public record Session(String userId, OffsetDateTime createdAt, OffsetDateTime expiresAt) {}
