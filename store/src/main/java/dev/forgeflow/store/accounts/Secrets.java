package dev.forgeflow.store.accounts;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Random API tokens and session ids, and the SHA-256 digests that are stored in their place. */
final class Secrets {

  /** What every personal API token starts with, so a leaked one is recognised. */
  static final String TOKEN_PREFIX = "ffp_";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SHOWN_CHARACTERS = 6;
  private static final Pattern TOKEN = Pattern.compile("ffp_[A-Za-z0-9_-]{43}");

  private Secrets() {}

  /** {@code ffp_} and 256 random bits in URL-safe Base64. */
  static String newToken() {
    return TOKEN_PREFIX + random256();
  }

  /** 256 random bits in URL-safe Base64. */
  static String newSessionId() {
    return random256();
  }

  /** Whether {@code text} has the form of a token; anything else need not be looked up. */
  static boolean looksLikeToken(String text) {
    return text != null && TOKEN.matcher(text).matches();
  }

  /** The part of a token lists show: the prefix and its first few random characters. */
  static String shownPart(String token) {
    return token.substring(0, TOKEN_PREFIX.length() + SHOWN_CHARACTERS);
  }

  /** SHA-256 of the text's UTF-8 bytes, lower-case hex. */
  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private static String random256() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
