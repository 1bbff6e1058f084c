package dev.forgeflow.sandbox.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Network;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkGatewaysTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static Network network(String json) throws Exception {
    return JSON.readValue(json.replace('\'', '"'), Network.class);
  }

  @Test
  void theRecordedGatewayWins() throws Exception {
    Network network =
        network("{'Name':'n','IPAM':{'Config':[{'Subnet':'10.9.0.0/16','Gateway':'10.9.0.254'}]}}");
    assertThat(NetworkGateways.of(network, bridge -> Optional.of("10.9.0.7")))
        .isEqualTo("10.9.0.254");
  }

  @Test
  void aFreshEnginesDefaultBridgeIsReadFromItsInterface() throws Exception {
    Network network =
        network(
            "{'Name':'bridge','IPAM':{'Config':[{'Subnet':'172.18.0.0/16'}]},"
                + "'Options':{'com.docker.network.bridge.name':'docker0'}}");
    assertThat(
            NetworkGateways.of(
                network,
                bridge -> bridge.equals("docker0") ? Optional.of("172.18.0.1") : Optional.empty()))
        .isEqualTo("172.18.0.1");
  }

  @Test
  void withoutAnInterfaceTheSubnetsFirstHostIsTheGateway() throws Exception {
    Network network = network("{'Name':'n','IPAM':{'Config':[{'Subnet':'192.168.16.0/20'}]}}");
    assertThat(NetworkGateways.of(network, bridge -> Optional.empty())).isEqualTo("192.168.16.1");
    assertThat(NetworkGateways.firstHost("10.1.2.3/8")).isEqualTo("10.0.0.1");
  }

  @Test
  void aNetworkWithNothingToGoByIsNamedInTheError() throws Exception {
    Network network = network("{'Name':'lonely','IPAM':{'Config':[]}}");
    assertThatThrownBy(() -> NetworkGateways.of(network, bridge -> Optional.empty()))
        .hasMessageContaining("lonely");
  }
}
