package dev.forgeflow.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.gateway.accounts.AccountsConfiguration;
import dev.forgeflow.store.accounts.Accounts;
import dev.forgeflow.store.accounts.InMemoryAccounts;
import dev.forgeflow.store.audit.InMemoryAuditLog;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The gateway's security and accounts routes over {@link InMemoryAccounts}, for fast tests with a
 * {@code WebTestClient} bound to the context. Records the thread of every accounts call, so tests
 * can tell none ran outside the blocking scheduler.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(
    excludeName = {
      "org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration",
      "org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration",
      "org.springframework.boot.autoconfigure.jooq.JooqAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.reactive.ReactiveUserDetailsServiceAutoConfiguration"
    })
@EnableConfigurationProperties(GatewaySettings.class)
@Import({WebSecurity.class, AccountsConfiguration.class})
@PropertySource("classpath:in-memory-gateway.properties")
public class InMemoryGateway {

  /** The blocking scheduler's thread names start with this. */
  public static final String BLOCKING_THREADS = "forgeflow-gateway-jdbc";

  /** The fake accounts behind the routes. */
  public final InMemoryAccounts accounts = new InMemoryAccounts();

  /** The fake audit trail the routes record in (no projects here). */
  public final InMemoryAuditLog audit = new InMemoryAuditLog((user, project) -> false);

  private final List<String> accountsThreads = new CopyOnWriteArrayList<>();

  /**
   * The thread of every call the routes made to the accounts since the last time this was asked.
   */
  public List<String> takeAccountsThreads() {
    List<String> taken = List.copyOf(accountsThreads);
    accountsThreads.removeAll(taken);
    return taken;
  }

  @Bean
  Accounts accounts() {
    return (Accounts)
        Proxy.newProxyInstance(
            Accounts.class.getClassLoader(),
            new Class<?>[] {Accounts.class},
            (proxy, method, args) -> {
              accountsThreads.add(Thread.currentThread().getName());
              try {
                return method.invoke(accounts, args);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }

  @Bean
  AuditTrail auditTrail(GatewaySettings settings) {
    return new AuditTrail(audit, new ClientAddresses(settings.trustedProxies()));
  }

  @Bean(destroyMethod = "dispose")
  Scheduler blockingCalls() {
    return Schedulers.newBoundedElastic(4, 1000, BLOCKING_THREADS, 60, true);
  }

  @Bean
  ProblemResponses problemResponses(ObjectMapper objectMapper) {
    return new ProblemResponses(objectMapper);
  }
}
