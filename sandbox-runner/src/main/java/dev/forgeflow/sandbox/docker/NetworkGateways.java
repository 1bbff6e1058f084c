package dev.forgeflow.sandbox.docker;

import com.github.dockerjava.api.model.Network;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import java.util.function.Function;

/**
 * The host-side address of a Docker network: its IPAM gateway when Docker records one, else the
 * address of its bridge interface on this host, else the first host of its subnet. A freshly
 * installed engine leaves the default bridge's IPAM gateway empty, so the record alone is not
 * enough.
 */
public final class NetworkGateways {

  static final String BRIDGE_NAME_OPTION = "com.docker.network.bridge.name";

  private NetworkGateways() {}

  /**
   * The network's gateway as an IPv4 address literal.
   *
   * @throws IllegalStateException naming the network if none of the three sources has one
   */
  public static String of(Network network) {
    return of(network, NetworkGateways::interfaceAddress);
  }

  static String of(Network network, Function<String, Optional<String>> interfaceAddress) {
    Network.Ipam.Config config = ipv4Config(network);
    if (config != null && isPresent(config.getGateway())) {
      return config.getGateway();
    }
    String bridge =
        network.getOptions() == null ? null : network.getOptions().get(BRIDGE_NAME_OPTION);
    if (bridge != null) {
      Optional<String> address = interfaceAddress.apply(bridge);
      if (address.isPresent()) {
        return address.get();
      }
    }
    if (config != null && isPresent(config.getSubnet())) {
      return firstHost(config.getSubnet());
    }
    throw new IllegalStateException(
        "Docker network " + network.getName() + " has no gateway, bridge address or IPv4 subnet");
  }

  private static Network.Ipam.Config ipv4Config(Network network) {
    if (network.getIpam() == null || network.getIpam().getConfig() == null) {
      return null;
    }
    return network.getIpam().getConfig().stream()
        .filter(c -> c.getSubnet() != null && c.getSubnet().contains("."))
        .findFirst()
        .orElse(null);
  }

  private static boolean isPresent(String value) {
    return value != null && !value.isBlank() && !value.equals("null");
  }

  /** The first host address of an IPv4 CIDR subnet: {@code 172.17.0.0/16} gives 172.17.0.1. */
  static String firstHost(String cidr) {
    String[] parts = cidr.split("/");
    String[] octets = parts[0].split("\\.");
    if (parts.length != 2 || octets.length != 4) {
      throw new IllegalArgumentException("Not an IPv4 subnet: " + cidr);
    }
    long address = 0;
    for (String octet : octets) {
      address = address << 8 | Integer.parseInt(octet);
    }
    int prefix = Integer.parseInt(parts[1]);
    long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
    long first = (address & mask) + 1;
    return (first >> 24 & 255)
        + "."
        + (first >> 16 & 255)
        + "."
        + (first >> 8 & 255)
        + "."
        + (first & 255);
  }

  private static Optional<String> interfaceAddress(String name) {
    try {
      NetworkInterface nic = NetworkInterface.getByName(name);
      if (nic == null) {
        return Optional.empty();
      }
      return Collections.list(nic.getInetAddresses()).stream()
          .filter(Inet4Address.class::isInstance)
          .map(InetAddress::getHostAddress)
          .findFirst();
    } catch (SocketException e) {
      return Optional.empty();
    }
  }
}
