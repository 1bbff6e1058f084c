package dev.forgeflow.gateway.accounts;

import dev.forgeflow.store.accounts.NewUser;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A sign-up request. A blank email counts as none.
 *
 * @param username 3 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit
 * @param email an address, optional
 * @param password 10 to 200 characters
 */
record SignUp(
    @NotNull(message = "is required")
        @Pattern(
            regexp = "[A-Za-z0-9][A-Za-z0-9._-]{2,39}",
            message =
                "must be 3 to 40 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String username,
    @Email(message = "must be an email address") @Size(max = 254, message = "is too long")
        String email,
    @NotNull(message = "is required")
        @Size(min = 10, max = 200, message = "must be 10 to 200 characters")
        String password) {

  SignUp {
    email = email == null || email.isBlank() ? null : email.strip();
  }

  /** The store's own checks may still refuse it, with a message fit for the client. */
  NewUser toNewUser() {
    return new NewUser(username, email, password);
  }

  /** Never shows the password. */
  @Override
  public String toString() {
    return "SignUp[username=" + username + ", email=" + email + "]";
  }
}
