package dev.forgeflow.store.accounts;

/**
 * A token just issued. {@code secret} is the only time the plain token is available: only its
 * SHA-256 is stored, so it cannot be shown again.
 */
public record IssuedToken(ApiToken token, String secret) {

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "IssuedToken[token=" + token + "]";
  }
}
