package dev.forgeflow.store.accounts;

/**
 * Who signs up. The constructor checks every field and throws {@link IllegalArgumentException} with
 * a message fit to show the person signing up.
 *
 * @param username 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit
 * @param email an address with one '@', or {@code null}
 * @param password 8 to 1024 characters, or {@code null} for a user who cannot sign in with a
 *     password (the local-mode user, who uses an API token)
 */
public record NewUser(String username, String email, String password) {

  public NewUser {
    AccountRules.checkUsername(username);
    AccountRules.checkEmail(email);
    AccountRules.checkPassword(password);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "NewUser[username=" + username + ", email=" + email + "]";
  }
}
