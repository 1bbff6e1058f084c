package dev.forgeflow.store.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which URLs a webhook may target: absolute http(s) URLs with a host, no credentials and no
 * fragment; and — unless private targets are allowed — no address on the loopback, a private or
 * shared network, link-local or multicast. A host given as an IP literal is judged when the webhook
 * is registered; a host name only once it is resolved, when a delivery is made.
 */
public final class WebhookUrls {

  /** The longest URL taken. */
  public static final int MAX_LENGTH = 2048;

  /** What a client is told a webhook URL must be. */
  public static final String EXPECTED =
      "an absolute http:// or https:// URL of at most "
          + MAX_LENGTH
          + " characters, such as https://hooks.example.com/forgeflow";

  private static final Pattern IPV4_LITERAL = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

  private final boolean allowPrivate;

  public WebhookUrls(boolean allowPrivate) {
    this.allowPrivate = allowPrivate;
  }

  /** Whether targets on loopback, private, link-local or multicast addresses are allowed. */
  public boolean allowPrivate() {
    return allowPrivate;
  }

  /**
   * The URL, if a webhook may target it as far as can be told without resolving its host.
   *
   * @throws IllegalArgumentException with a message for the client, saying what is expected
   */
  public URI checked(String url) {
    URI uri = parsed(url);
    literal(uri.getHost()).flatMap(this::refusal).ifPresent(reason -> refuse(url, reason));
    return uri;
  }

  /** Why a delivery may not go to this resolved address, or empty if it may. */
  public Optional<String> refusal(InetAddress address) {
    if (allowPrivate || !isPrivate(address)) {
      return Optional.empty();
    }
    return Optional.of(
        address.getHostAddress()
            + " is a loopback, private, link-local or multicast address"
            + " (FORGEFLOW_WEBHOOKS_ALLOW_PRIVATE=true allows it)");
  }

  /** Loopback, unspecified, private (IPv4 and IPv6), shared (100.64/10), link-local, multicast. */
  static boolean isPrivate(InetAddress address) {
    if (address.isLoopbackAddress()
        || address.isAnyLocalAddress()
        || address.isLinkLocalAddress()
        || address.isSiteLocalAddress()
        || address.isMulticastAddress()) {
      return true;
    }
    byte[] bytes = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first == 0 || (first == 100 && second >= 64 && second < 128);
    }
    return address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
  }

  private static URI parsed(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("url is required: " + EXPECTED);
    }
    if (url.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("url is too long: expected " + EXPECTED);
    }
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a URL: expected " + EXPECTED);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      refuse(url, "it is not an http(s) URL");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      refuse(url, "it names no host");
    }
    if (uri.getRawUserInfo() != null) {
      refuse(url, "it carries credentials; the signature authenticates deliveries");
    }
    if (uri.getRawFragment() != null) {
      refuse(url, "it has a fragment");
    }
    return uri;
  }

  /** The host as an address if it is an IP literal; never resolves a name. */
  private static Optional<InetAddress> literal(String host) {
    try {
      if (host.startsWith("[") && host.endsWith("]")) {
        // an IPv6 literal: parsed, never looked up (an invalid one throws)
        return Optional.of(InetAddress.getByName(host));
      }
      if (!IPV4_LITERAL.matcher(host).matches()) {
        return Optional.empty();
      }
      String[] parts = host.split("\\.");
      byte[] bytes = new byte[4];
      for (int i = 0; i < 4; i++) {
        int part = Integer.parseInt(parts[i]);
        if (part > 255) {
          throw new UnknownHostException(host);
        }
        bytes[i] = (byte) part;
      }
      return Optional.of(InetAddress.getByAddress(bytes));
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("url has an invalid IP address: expected " + EXPECTED);
    }
  }

  private static void refuse(String url, String reason) {
    String shown = url.length() > 200 ? url.substring(0, 200) + "…" : url;
    throw new IllegalArgumentException(
        "url " + shown + " cannot be a webhook: " + reason + "; expected " + EXPECTED);
  }
}
