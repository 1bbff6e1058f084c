package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EgressRulesTest {

  @Test
  void everyRuleNamesOnlyTheBridgeAndDrops() {
    assertThat(EgressRules.rules("ff0123456789ab"))
        .hasSize(2)
        .allSatisfy(
            rule -> {
              assertThat(rule.subList(1, 3)).containsExactly("-i", "ff0123456789ab");
              assertThat(rule).endsWith("-j", "DROP");
              assertThat(rule).contains("forgeflow-egress:ff0123456789ab");
            });
    assertThat(EgressRules.rules("ff0123456789ab"))
        .extracting(rule -> rule.get(0))
        .containsExactly("DOCKER-USER", "INPUT");
    assertThat(EgressRules.rules("ff0123456789ab").get(1))
        .containsSequence("-m", "conntrack", "!", "--ctstate", "ESTABLISHED,RELATED");
  }

  @Test
  void deletionsFindTheBridgesRulesQuotedOrNotAndNothingElse() {
    List<String> lines =
        List.of(
            "-N DOCKER-USER",
            "-A DOCKER-USER -i ffaaaaaaaaaaaa -m comment --comment \"forgeflow-egress:ffaaaaaaaaaaaa\" -j DROP",
            "-A DOCKER-USER -i ffbbbbbbbbbbbb -m comment --comment \"forgeflow-egress:ffbbbbbbbbbbbb\" -j DROP",
            "-A INPUT -i ffaaaaaaaaaaaa -m conntrack ! --ctstate RELATED,ESTABLISHED -m comment"
                + " --comment forgeflow-egress:ffaaaaaaaaaaaa -j DROP",
            "-A DOCKER-USER -j RETURN");

    assertThat(EgressRules.deletions(lines, "ffaaaaaaaaaaaa"))
        .containsExactly(
            List.of(
                "-w",
                "10",
                "-D",
                "DOCKER-USER",
                "-i",
                "ffaaaaaaaaaaaa",
                "-m",
                "comment",
                "--comment",
                "forgeflow-egress:ffaaaaaaaaaaaa",
                "-j",
                "DROP"),
            List.of(
                "-w",
                "10",
                "-D",
                "INPUT",
                "-i",
                "ffaaaaaaaaaaaa",
                "-m",
                "conntrack",
                "!",
                "--ctstate",
                "RELATED,ESTABLISHED",
                "-m",
                "comment",
                "--comment",
                "forgeflow-egress:ffaaaaaaaaaaaa",
                "-j",
                "DROP"));
    assertThat(EgressRules.deletions(lines, "ffcccccccccccc")).isEmpty();
  }

  @Test
  void bridgesAreReadFromTheCommentsQuotedOrNot() {
    assertThat(
            EgressRules.bridges(
                List.of(
                    "-A DOCKER-USER -i ffaaaaaaaaaaaa -m comment --comment"
                        + " \"forgeflow-egress:ffaaaaaaaaaaaa\" -j DROP",
                    "-A INPUT -i ffbbbbbbbbbbbb -m comment --comment"
                        + " forgeflow-egress:ffbbbbbbbbbbbb -j DROP",
                    "-A INPUT -i eth0 -m comment --comment other -j DROP",
                    "-A DOCKER-USER -j RETURN")))
        .containsExactly("ffaaaaaaaaaaaa", "ffbbbbbbbbbbbb");
  }

  @Test
  void aFirewallThatCannotBeChangedFailsWithWhatItNeeds() {
    EgressRules rules = new EgressRules("/nonexistent/iptables");

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> rules.install("ff0123456789ab"))
        .isInstanceOf(EgressRules.EgressRulesFailed.class)
        .hasMessageContaining("needs root")
        .hasMessageContaining("/nonexistent/iptables -w 10 -S DOCKER-USER");
  }
}
