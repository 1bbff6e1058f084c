package dev.forgeflow.orchestrator.webhooks;

import dev.forgeflow.orchestrator.config.ForgeflowProperties;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.webhooks.WebhookUrls;
import dev.forgeflow.workflows.webhooks.WebhookActivities;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Webhooks: which targets they may have ({@code FORGEFLOW_WEBHOOKS_ALLOW_PRIVATE}), for the
 * gateway's registrations and for deliveries, and the delivery activities the pipeline worker runs
 * (named in {@code forgeflow-workers.properties}).
 */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

  @Bean
  WebhookUrls webhookUrls(ForgeflowProperties properties) {
    return new WebhookUrls(properties.webhooksAllowPrivate());
  }

  @Bean
  WebhookActivities webhookActivities(
      Stores stores, WebhookUrls webhookUrls, ForgeflowProperties properties) {
    return new WebhookActivitiesImpl(
        stores.runs(), stores.webhooks(), webhookUrls, properties.publicUrl(), Clock.systemUTC());
  }
}
