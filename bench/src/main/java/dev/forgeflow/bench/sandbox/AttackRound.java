package dev.forgeflow.bench.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One checked round's times, read from the test report's summary (milliseconds).
 *
 * @param functional compile, import, pytest and the CRUD probe, container starts included
 * @param probe the CRUD probe alone
 * @param attack the attack stage
 * @param requests requests the attack sent
 * @param endpoints endpoints it sent them to
 * @param findings failed checks of the round
 */
record AttackRound(
    double functional, double probe, double attack, int requests, int endpoints, int findings) {

  private static final Pattern FUNCTIONAL = Pattern.compile("functional checks (\\d+) ms");
  private static final Pattern PROBE = Pattern.compile("probe (\\d+) ms");
  private static final Pattern ATTACK =
      Pattern.compile("attack (\\d+) ms, (\\d+) requests to (\\d+) endpoints");

  /**
   * @throws IllegalArgumentException if the summary lacks a figure (the round did not reach the
   *     attack)
   */
  static AttackRound of(String summary, int findings) {
    Matcher attack = find(ATTACK, summary);
    return new AttackRound(
        Double.parseDouble(find(FUNCTIONAL, summary).group(1)),
        Double.parseDouble(find(PROBE, summary).group(1)),
        Double.parseDouble(attack.group(1)),
        Integer.parseInt(attack.group(2)),
        Integer.parseInt(attack.group(3)),
        findings);
  }

  double attackPerProbe() {
    return attack / probe;
  }

  double attackPerFunctional() {
    return attack / functional;
  }

  double requestsPerEndpoint() {
    return endpoints == 0 ? 0 : (double) requests / endpoints;
  }

  private static Matcher find(Pattern pattern, String summary) {
    Matcher matcher = pattern.matcher(summary);
    if (!matcher.find()) {
      throw new IllegalArgumentException("no '" + pattern + "' in the summary: " + summary);
    }
    return matcher;
  }
}
