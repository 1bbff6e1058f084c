package dev.forgeflow.gateway;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The address a request comes from: its TCP peer, unless that peer is one of the reverse proxies
 * the operator trusts ({@code forgeflow.gateway.trusted-proxies}); then {@code X-Forwarded-For} is
 * read from the right, each trusted proxy skipped, and the first address no trusted proxy has is
 * the client's. A header is never believed from a peer that is not trusted, so nobody can claim
 * another address by sending one; an entry that is not an IP address ends the walk at the last hop
 * that was trusted. Nothing is ever resolved: only IP literals are read.
 */
public final class ClientAddresses {

  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private final List<Range> trusted;

  /**
   * @param trustedProxies IP addresses and CIDR ranges ({@code 10.0.0.0/8}, {@code ::1}), each
   *     checked by {@link #problem}
   * @throws IllegalArgumentException if one of them is not an address or a range
   */
  public ClientAddresses(List<String> trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    for (String proxy : trustedProxies) {
      String entry = proxy.strip();
      if (entry.isEmpty()) {
        continue;
      }
      problem(entry)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(problem);
              });
      ranges.add(Range.of(entry));
    }
    this.trusted = List.copyOf(ranges);
  }

  /** Trusts no proxy: the address is always the TCP peer's. */
  public static ClientAddresses peerOnly() {
    return new ClientAddresses(List.of());
  }

  /** Why {@code entry} is not an IP address or a CIDR range, if it is not. */
  public static Optional<String> problem(String entry) {
    int slash = entry.indexOf('/');
    String address = slash < 0 ? entry : entry.substring(0, slash);
    if (!literal(address)) {
      return Optional.of("'" + entry + "' is not an IP address or a CIDR range");
    }
    if (slash >= 0) {
      String bits = entry.substring(slash + 1);
      int most = address.contains(":") ? 128 : 32;
      if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > most) {
        return Optional.of("'" + entry + "' has a prefix length that is not 0 to " + most);
      }
    }
    return Optional.empty();
  }

  /** The client's address, or {@code null} when the server does not know its peer. */
  public String of(ServerHttpRequest request) {
    InetSocketAddress remote = request.getRemoteAddress();
    if (remote == null) {
      return null;
    }
    String peer =
        remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    if (trusted.isEmpty() || !isTrusted(peer)) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : request.getHeaders().getOrEmpty("X-Forwarded-For")) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = unbracketed(hops.get(i));
      if (!literal(hop)) {
        return client;
      }
      client = hop;
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return client;
  }

  private boolean isTrusted(String address) {
    if (!literal(address)) {
      return false;
    }
    byte[] bytes = bytes(address);
    return trusted.stream().anyMatch(range -> range.contains(bytes));
  }

  /** An address's bytes; only for a {@link #literal}, which is parsed, never looked up. */
  private static byte[] bytes(String literal) {
    try {
      return InetAddress.getByName(literal).getAddress();
    } catch (UnknownHostException malformed) {
      throw new IllegalArgumentException(malformed.getMessage(), malformed);
    }
  }

  /** The addresses that share the first {@code bits} bits of {@code network}. */
  private record Range(byte[] network, int bits) {

    static Range of(String entry) {
      int slash = entry.indexOf('/');
      byte[] network = bytes(slash < 0 ? entry : entry.substring(0, slash));
      int bits = slash < 0 ? network.length * 8 : Integer.parseInt(entry.substring(slash + 1));
      return new Range(network, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      int whole = bits / 8;
      for (int i = 0; i < whole; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = bits % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (address[whole] & mask) == (network[whole] & mask);
    }
  }

  private static String unbracketed(String hop) {
    return hop.startsWith("[") && hop.endsWith("]") ? hop.substring(1, hop.length() - 1) : hop;
  }

  /** An IPv4 or IPv6 literal (no zone, no port): what can be matched without a look-up. */
  private static boolean literal(String address) {
    if (IPV4.matcher(address).matches()) {
      return true;
    }
    if (address.length() > 45 || !IPV6.matcher(address).matches()) {
      return false;
    }
    try {
      // with a colon in it, this is parsed as an IPv6 literal and never looked up
      InetAddress.getByName(address);
      return true;
    } catch (UnknownHostException malformed) {
      return false;
    }
  }
}
