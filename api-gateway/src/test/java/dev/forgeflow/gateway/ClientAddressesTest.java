package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

class ClientAddressesTest {

  private static final ClientAddresses BEHIND_PROXIES =
      new ClientAddresses(List.of("127.0.0.1", "10.0.0.0/8", "fd00::/8"));

  @ParameterizedTest(name = "peer {0}, X-Forwarded-For [{1}] -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // a peer that is not trusted is the client, whatever it claims
        "203.0.113.5 | 198.51.100.1 | 203.0.113.5",
        // no header from a trusted proxy: the proxy is all there is to know
        "127.0.0.1 |  | 127.0.0.1",
        // the right-most address no trusted proxy has
        "127.0.0.1 | 198.51.100.1 | 198.51.100.1",
        "127.0.0.1 | 198.51.100.1, 10.1.2.3, 10.4.5.6 | 198.51.100.1",
        // what the client put in front of the real hops is not believed
        "127.0.0.1 | 192.0.2.66, 198.51.100.1, 10.1.2.3 | 198.51.100.1",
        // all trusted: the left-most
        "127.0.0.1 | 10.1.2.3, 10.4.5.6 | 10.1.2.3",
        // a hop that is not an IP address ends the walk at the last trusted one, unresolved
        "127.0.0.1 | 198.51.100.1, attacker.example, 10.1.2.3 | 10.1.2.3",
        "127.0.0.1 | 198.51.100.1, 999.1.1.1 | 127.0.0.1",
        "127.0.0.1 | 198.51.100.1, ::::::zz | 127.0.0.1",
        // IPv6, bracketed or not
        "127.0.0.1 | 2001:db8::7, fd12::1 | 2001:db8::7",
        "127.0.0.1 | [2001:db8::8] | 2001:db8::8",
      })
  void theClientIsTheRightMostAddressNoTrustedProxyHas(
      String peer, String forwardedFor, String client) {
    MockServerHttpRequest.BaseBuilder<?> request =
        MockServerHttpRequest.get("/").remoteAddress(new InetSocketAddress(peer, 40000));
    if (forwardedFor != null) {
      request.header("X-Forwarded-For", forwardedFor);
    }
    assertThat(BEHIND_PROXIES.of(request.build())).isEqualTo(client);
  }

  @ParameterizedTest
  @CsvSource({"'198.51.100.1', 127.0.0.1", "'198.51.100.1, 10.0.0.1', 127.0.0.1"})
  void withoutTrustedProxiesTheHeaderIsIgnored(String forwardedFor, String peer) {
    MockServerHttpRequest request =
        MockServerHttpRequest.get("/")
            .remoteAddress(new InetSocketAddress(peer, 40000))
            .header("X-Forwarded-For", forwardedFor)
            .build();
    assertThat(ClientAddresses.peerOnly().of(request)).isEqualTo(peer);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.0.0.0/0", "10.0.0.0/8", "192.168.1.1", "::1", "fd00::/8", "::/0"})
  void addressesAndRangesAreAccepted(String entry) {
    assertThat(ClientAddresses.problem(entry)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "localhost",
        "proxy.internal",
        "10.0.0.0/33",
        "::1/129",
        "1.2.3",
        "010.0.0.1",
        "10.0.0.0/x",
        "10.0.0.0/",
        "::zz"
      })
  void anythingElseIsRefusedWithoutALookUp(String entry) {
    assertThat(ClientAddresses.problem(entry)).isPresent();
    assertThatThrownBy(() -> new ClientAddresses(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(entry);
  }
}
