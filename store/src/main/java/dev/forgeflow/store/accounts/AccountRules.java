package dev.forgeflow.store.accounts;

import java.time.Duration;
import java.util.regex.Pattern;

/** What names, addresses, passwords and token names may be; each check names what is wrong. */
final class AccountRules {

  static final int MAX_PASSWORD_LENGTH = 1024;
  private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

  private AccountRules() {}

  static void checkUsername(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new IllegalArgumentException(
          "A username is 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or"
              + " digit");
    }
  }

  static void checkEmail(String email) {
    if (email != null && (email.length() > 254 || !EMAIL.matcher(email).matches())) {
      throw new IllegalArgumentException("An email address has one '@' and no spaces");
    }
  }

  static void checkPassword(String password) {
    if (password != null && (password.length() < 8 || password.length() > MAX_PASSWORD_LENGTH)) {
      throw new IllegalArgumentException(
          "A password has 8 to " + MAX_PASSWORD_LENGTH + " characters");
    }
  }

  static String checkTokenName(String name) {
    String stripped = name == null ? "" : name.strip();
    if (stripped.isEmpty()
        || stripped.length() > 100
        || stripped.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          "A token's name is 1 to 100 characters, without control characters");
    }
    return stripped;
  }

  static void checkLifetime(Duration lifetime) {
    if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
      throw new IllegalArgumentException("A session's lifetime must be positive");
    }
  }
}
