package dev.forgeflow.orchestrator.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.orchestrator.config.ForgeflowProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** The webhook settings: private targets refused unless allowed, and a run link's base checked. */
class WebhookSettingsTest {

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(ForgeflowProperties.class)
  static class Settings {}

  private final ApplicationContextRunner context =
      new ApplicationContextRunner().withUserConfiguration(Settings.class);

  @Test
  void privateTargetsAreRefusedUnlessAllowedAndRunsLinkToTheLocalServer() {
    context.run(
        started -> {
          ForgeflowProperties properties = started.getBean(ForgeflowProperties.class);
          assertThat(properties.webhooksAllowPrivate()).isFalse();
          assertThat(properties.publicUrl()).isEqualTo("http://127.0.0.1:8080");
        });
    context
        .withPropertyValues(
            "forgeflow.webhooks-allow-private=true",
            "forgeflow.public-url=https://forgeflow.example.com/")
        .run(
            started -> {
              ForgeflowProperties properties = started.getBean(ForgeflowProperties.class);
              assertThat(properties.webhooksAllowPrivate()).isTrue();
              assertThat(properties.publicUrl()).isEqualTo("https://forgeflow.example.com/");
            });
  }

  @Test
  void aPublicUrlThatIsNotHttpStopsTheStartSayingWhatIsExpected() {
    context
        .withPropertyValues("forgeflow.public-url=forgeflow.example.com")
        .run(
            started ->
                assertThat(started.getStartupFailure())
                    .rootCause()
                    .hasMessageContaining("publicUrl")
                    .hasMessageContaining("not an http(s) URL"));
  }
}
