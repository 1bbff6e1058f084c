package dev.forgeflow.store.accounts;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashes: Argon2id with Spring Security's current defaults (16 MiB, 2 iterations, 16-byte
 * salt); the encoded hash carries its parameters, so stronger defaults later still verify old
 * hashes and {@link #outdated} tells when to re-hash.
 */
final class Passwords {

  private static final PasswordEncoder ENCODER =
      Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

  /** Checked against when there is no hash, so an unknown user costs what a wrong password does. */
  private static final String NO_USER_HASH = ENCODER.encode(Secrets.newSessionId());

  private Passwords() {}

  static String hash(String password) {
    return password == null ? null : ENCODER.encode(password);
  }

  /**
   * Whether {@code password} matches {@code hash}, compared in constant time. A {@code null} hash
   * (no such user, or a user without a password) never matches but is just as slow to refuse.
   */
  static boolean matches(String password, String hash) {
    String candidate = password == null ? "" : password;
    if (candidate.length() > AccountRules.MAX_PASSWORD_LENGTH) {
      candidate = candidate.substring(0, AccountRules.MAX_PASSWORD_LENGTH);
      hash = null;
    }
    if (hash == null) {
      ENCODER.matches(candidate, NO_USER_HASH);
      return false;
    }
    return ENCODER.matches(candidate, hash);
  }

  /** Whether a matching hash was made with weaker parameters than today's and should be redone. */
  static boolean outdated(String hash) {
    return ENCODER.upgradeEncoding(hash);
  }
}
