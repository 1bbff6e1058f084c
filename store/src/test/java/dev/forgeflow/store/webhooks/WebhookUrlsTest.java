package dev.forgeflow.store.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which URLs a webhook may target; nothing here resolves a host name. */
class WebhookUrlsTest {

  private final WebhookUrls strict = new WebhookUrls(false);
  private final WebhookUrls lenient = new WebhookUrls(true);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.com/forgeflow",
        "http://hooks.example.com:8080/a?b=c",
        "https://203.0.113.10/hook",
        "http://[2001:db8::1]/hook"
      })
  void publicHttpUrlsAreTaken(String url) {
    assertThat(strict.checked(url).toString()).isEqualTo(url);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:9000/hook",
        "http://10.1.2.3/",
        "http://172.16.0.1/",
        "http://192.168.1.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://100.64.0.1/",
        "http://0.0.0.0/",
        "http://224.0.0.1/",
        "http://[::1]/",
        "http://[fd00::1]/",
        "http://[fe80::1]/"
      })
  void privateAddressesAreRefusedUnlessAllowed(String url) {
    assertThatThrownBy(() -> strict.checked(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("loopback, private, link-local or multicast")
        .hasMessageContaining("FORGEFLOW_WEBHOOKS_ALLOW_PRIVATE");
    assertThat(lenient.checked(url)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ftp://hooks.example.com/",
        "file:///etc/passwd",
        "hooks.example.com/x",
        "http:///nohost",
        "https://user:pw@hooks.example.com/",
        "https://hooks.example.com/#frag",
        "http://999.1.1.1/",
        "not a url"
      })
  void otherUrlsAreRefusedSayingWhatIsExpected(String url) {
    assertThatThrownBy(() -> strict.checked(url))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http:// or https:// URL");
  }

  @ParameterizedTest
  @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "169.254.1.1", "::1", "fc00::1"})
  void resolvedPrivateAddressesAreRefusedUnlessAllowed(String literal) throws Exception {
    InetAddress address = InetAddress.getByName(literal);
    assertThat(strict.refusal(address)).isPresent();
    assertThat(lenient.refusal(address)).isEmpty();
    assertThat(strict.refusal(InetAddress.getByName("203.0.113.7"))).isEmpty();
  }
}
