package dev.forgeflow.gateway.accounts;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A sign-in request.
 *
 * @param login the username or the email address, whatever its case
 */
record SignIn(
    @NotBlank(message = "is required") @Size(max = 254, message = "is too long") String login,
    @NotNull(message = "is required") @Size(max = 1024, message = "is too long") String password) {

  /** Never shows the password. */
  @Override
  public String toString() {
    return "SignIn[login=" + login + "]";
  }
}
