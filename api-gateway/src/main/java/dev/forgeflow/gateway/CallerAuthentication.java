package dev.forgeflow.gateway;

import dev.forgeflow.store.accounts.Accounts;
import dev.forgeflow.store.accounts.User;
import java.util.Optional;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Checks {@link PresentedCredentials} against the accounts: a valid API token or a live session
 * proves its user; anything else is a {@link BadCredentialsException} saying which kind failed.
 */
final class CallerAuthentication implements ReactiveAuthenticationManager {

  private final Accounts accounts;
  private final Scheduler blocking;

  CallerAuthentication(Accounts accounts, Scheduler blocking) {
    this.accounts = accounts;
    this.blocking = blocking;
  }

  @Override
  public Mono<Authentication> authenticate(Authentication authentication) {
    PresentedCredentials presented = (PresentedCredentials) authentication;
    // Token and session lookups are JDBC calls: off the event loop. The route then goes on off
    // the JDBC threads, which are kept for JDBC calls.
    return Mono.fromCallable(() -> owner(presented))
        .subscribeOn(blocking)
        .publishOn(Schedulers.parallel())
        .flatMap(
            user ->
                user.isPresent()
                    ? Mono.just(new AuthenticatedCaller(user.get()))
                    : Mono.error(new BadCredentialsException(refusal(presented))));
  }

  private Optional<User> owner(PresentedCredentials presented) {
    return switch (presented.kind()) {
      case API_TOKEN -> accounts.authenticateToken(presented.getCredentials());
      case SESSION ->
          accounts
              .findSession(presented.getCredentials())
              .flatMap(session -> accounts.findUser(session.userId()));
    };
  }

  private static String refusal(PresentedCredentials presented) {
    return switch (presented.kind()) {
      case API_TOKEN -> "The API token is unknown or revoked";
      case SESSION -> "The session has ended: sign in again";
    };
  }
}
