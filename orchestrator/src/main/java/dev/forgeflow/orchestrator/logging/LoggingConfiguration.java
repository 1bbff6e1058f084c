package dev.forgeflow.orchestrator.logging;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The workers' log context: temporal-spring-boot-starter gives every {@code WorkerInterceptor} bean
 * to the worker factory, so activities log with their run.
 */
@Configuration(proxyBeanMethods = false)
public class LoggingConfiguration {

  @Bean
  ActivityLogContext activityLogContext() {
    return new ActivityLogContext();
  }
}
