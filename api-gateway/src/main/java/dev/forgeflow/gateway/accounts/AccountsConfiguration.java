package dev.forgeflow.gateway.accounts;

import dev.forgeflow.gateway.AuditTrail;
import dev.forgeflow.gateway.GatewaySettings;
import dev.forgeflow.gateway.SessionCookie;
import dev.forgeflow.store.accounts.Accounts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRepository;
import reactor.core.scheduler.Scheduler;

/** The accounts routes, wired explicitly; JDBC calls run on the gateway's blocking scheduler. */
@Configuration(proxyBeanMethods = false)
public class AccountsConfiguration {

  @Bean
  SignInThrottle signInThrottle(GatewaySettings settings) {
    return new SignInThrottle(settings.signInAttempts(), settings.signInWindow());
  }

  @Bean
  AuthController authController(
      Accounts accounts,
      SessionCookie sessionCookie,
      ServerCsrfTokenRepository csrfTokens,
      SignInThrottle signInThrottle,
      AuditTrail auditTrail,
      Scheduler blockingCalls) {
    return new AuthController(
        accounts, sessionCookie, csrfTokens, signInThrottle, auditTrail, blockingCalls);
  }

  @Bean
  MeController meController() {
    return new MeController();
  }

  @Bean
  TokensController tokensController(
      Accounts accounts, AuditTrail auditTrail, Scheduler blockingCalls) {
    return new TokensController(accounts, auditTrail, blockingCalls);
  }
}
