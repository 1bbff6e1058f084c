package dev.forgeflow.sandbox.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EgressRulesTest {

  @TempDir Path dir;

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
  void aMissingIptablesRefusesInOneSentenceNamingIt() {
    EgressRules rules = new EgressRules("/nonexistent/iptables", true);

    assertThat(rules.usable()).isFalse();
    assertThatThrownBy(rules::requireUsable)
        .isInstanceOf(EgressRules.EgressRulesFailed.class)
        .hasMessageContaining("need root and the iptables the Docker daemon uses")
        .hasMessageContaining("no /nonexistent/iptables executable is on the PATH")
        .satisfies(e -> assertOneSentence(e.getMessage()));
  }

  @Test
  void withoutRootIptablesIsNeverRunAndTheDeployCheckSaysRootIsMissing() throws Exception {
    FakeIptables fake = FakeIptables.failingLikeNonRoot(dir);
    EgressRules rules = new EgressRules(fake.path(), false);

    assertThat(rules.usable()).isFalse();
    assertThat(rules.bridgesIfUsable()).isEmpty();
    rules.removeIfUsable("ff0123456789ab");
    assertThatThrownBy(rules::requireUsable)
        .hasMessageContaining("the sandbox runner does not run as root")
        .satisfies(e -> assertOneSentence(e.getMessage()));

    assertThat(fake.calls()).isZero();
  }

  @Test
  void anIptablesThatRefusesLikeANonRootOneFailsTheDeployCheckButNotTheSweep() throws Exception {
    FakeIptables fake = FakeIptables.failingLikeNonRoot(dir);
    EgressRules rules = new EgressRules(fake.path(), true);

    assertThat(rules.bridgesIfUsable()).isEmpty();
    assertThatThrownBy(rules::requireUsable)
        .isInstanceOf(EgressRules.EgressRulesFailed.class)
        .hasMessageContaining("Permission denied (you must be root)")
        .satisfies(e -> assertOneSentence(e.getMessage()));
    assertThat(fake.calls()).isPositive();
  }

  static void assertOneSentence(String message) {
    assertThat(message).doesNotContain("\n").endsWith(".");
    assertThat(message.substring(0, message.length() - 1)).doesNotContain(". ");
  }
}
