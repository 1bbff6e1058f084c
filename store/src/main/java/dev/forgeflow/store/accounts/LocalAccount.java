package dev.forgeflow.store.accounts;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The account of local mode: one user named after the operating-system user, and an API token kept
 * in the data directory so the one-command CLI runs without signing in.
 *
 * @param token the plain token, as the CLI sends it
 */
public record LocalAccount(User user, String token) {

  /** The file in the data directory that holds the local token (mode 0600). */
  public static final String TOKEN_FILE = "api-token";

  static final String TOKEN_NAME = "local mode";

  /**
   * The local account of {@code dataDir}: on first use creates the user (without a password) and
   * issues a token, written to {@value #TOKEN_FILE} readable by its owner only; later returns the
   * kept token, or issues and writes a new one if the kept one no longer authenticates the local
   * user (revoked, or the database was replaced).
   */
  public static LocalAccount ensure(Path dataDir, Accounts accounts) {
    TokenFile file = new TokenFile(dataDir.resolve(TOKEN_FILE));
    String username = localUsername(System.getProperty("user.name"));
    Optional<String> kept = file.read();
    if (kept.isPresent()) {
      Optional<User> owner = accounts.authenticateToken(kept.get());
      if (owner.isPresent() && owner.get().username().equalsIgnoreCase(username)) {
        return new LocalAccount(owner.get(), kept.get());
      }
    }
    User user = accounts.findUserByName(username).orElseGet(() -> create(accounts, username));
    IssuedToken issued = accounts.issueToken(user.id(), TOKEN_NAME);
    file.write(issued.secret());
    return new LocalAccount(user, issued.secret());
  }

  /** The operating-system user's name made a valid username ({@code local} if nothing is left). */
  static String localUsername(String osUser) {
    String name = osUser == null ? "" : osUser.toLowerCase(Locale.ROOT);
    name = name.replaceAll("[^a-z0-9._-]", "-").replaceFirst("^[._-]+", "");
    name = name.length() > 64 ? name.substring(0, 64) : name;
    return name.isEmpty() ? "local" : name;
  }

  private static User create(Accounts accounts, String username) {
    try {
      return accounts.createUser(new NewUser(username, null, null));
    } catch (DuplicateUserException e) {
      // Created meanwhile by another process sharing the database.
      return accounts.findUserByName(username).orElseThrow(() -> e);
    }
  }

  /** Never shows the token. */
  @Override
  public String toString() {
    return "LocalAccount[user=" + user + "]";
  }
}
