package dev.forgeflow.orchestrator.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RolesTest {

  @Test
  void aListNamesTheRolesInAnyOrderWithSpaces() {
    assertThat(Roles.parse("gateway,agents,sandbox")).isEqualTo(Roles.all());
    assertThat(Roles.parse(" sandbox , gateway")).isEqualTo(new Roles(true, false, true));
    assertThat(Roles.parse("agents").toString()).isEqualTo("agents");
    assertThat(Roles.parse("sandbox,agents").toString()).isEqualTo("agents,sandbox");
    assertThat(Roles.all().everything()).isTrue();
    assertThat(Roles.parse("gateway,agents").everything()).isFalse();
  }

  @Test
  void anythingElseIsRefusedSayingWhatIsExpected() {
    for (String wrong :
        new String[] {"", "gateway,", "workers", "gateway;agents", "sandbox,,agents"}) {
      assertThatThrownBy(() -> Roles.parse(wrong))
          .as(wrong)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "FORGEFLOW_ROLES="
                  + wrong
                  + ": must be a comma-separated list of gateway, agents and sandbox, such as"
                  + " gateway,agents");
    }
  }

  @Test
  void theMachinesNameIsFitForATaskQueue() {
    String name = Roles.machineName();
    assertThat(name).matches("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  }
}
