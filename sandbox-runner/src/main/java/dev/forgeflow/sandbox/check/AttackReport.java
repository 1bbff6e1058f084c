package dev.forgeflow.sandbox.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The attack stage's JSON report: its findings as check failures named {@code
 * attack.<class>.<resource>.<check>}, each message opening with the CWE, then the request, the
 * answer and what is wrong; a finding whose request made the service log a traceback points at the
 * traceback's project line.
 *
 * @param failures one per finding
 * @param requests requests the attack sent
 * @param endpoints the endpoints it sent them to
 */
record AttackReport(List<CheckFailure> failures, int requests, int endpoints) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REQUEST = Pattern.compile("^([A-Z]+) (\\S+)");
  private static final int ANSWER_CHARS = 300;

  /** Findings reported one by one; the rest are counted, so reports and prompts stay small. */
  static final int MAX_FINDINGS = 30;

  static AttackReport parse(String reportJson, ServerLog log, RouteIndex routes) {
    JsonNode report;
    try {
      report = JSON.readTree(reportJson.isBlank() ? "{}" : reportJson);
    } catch (IOException e) {
      CheckFailure unreadable =
          new CheckFailure("attack", null, 0, "unreadable attack report: " + e.getMessage());
      return new AttackReport(List.of(unreadable), 0, 0);
    }
    List<CheckFailure> failures = new ArrayList<>();
    Map<String, Integer> beyond = new TreeMap<>();
    for (JsonNode check : report.path("checks")) {
      if (check.path("ok").asBoolean(false)) {
        continue;
      }
      if (failures.size() < MAX_FINDINGS) {
        failures.add(finding(check, log, routes));
      } else {
        beyond.merge(check.path("class").asText("attack"), 1, Integer::sum);
      }
    }
    if (!beyond.isEmpty()) {
      int more = beyond.values().stream().mapToInt(Integer::intValue).sum();
      failures.add(
          new CheckFailure(
              "attack.more",
              null,
              0,
              more + " more finding(s) of the same attack, by class: " + beyond));
    }
    // a collection the attack could not cover is not a collection that survived it
    for (JsonNode skipped : report.path("skipped")) {
      failures.add(
          new CheckFailure(
              "attack.skipped", null, 0, "the attack could not cover " + skipped.asText()));
    }
    if (failures.isEmpty() && report.path("passed").asInt(0) == 0) {
      failures.add(new CheckFailure("attack", null, 0, "the attack ran no check"));
    }
    return new AttackReport(failures, report.path("sent").asInt(0), report.path("requests").size());
  }

  private static CheckFailure finding(JsonNode check, ServerLog log, RouteIndex routes) {
    String kind = check.path("class").asText("attack");
    String name =
        "attack."
            + kind
            + "."
            + check.path("resource").asText("*")
            + "."
            + check.path("check").asText("?");
    String request = check.path("request").asText("");
    String detail = check.path("detail").asText("");
    String answer = check.path("answer").asText("");
    StringBuilder message = new StringBuilder(check.path("cwe").asText("CWE-20"));
    message.append(' ').append(kind).append(": ").append(detail);
    if (!request.isEmpty() && !detail.contains(request)) {
      message.append(" (request: ").append(request).append(')');
    }
    if (!answer.isEmpty() && !detail.contains(answer)) {
      String cut = answer.length() > ANSWER_CHARS ? answer.substring(0, ANSWER_CHARS) : answer;
      message.append(" (answer: ").append(cut).append(')');
    }
    String resource = check.path("resource").asText("*");
    // only a request the service failed on can own a traceback; others share its method and path
    Optional<SourceLine> where =
        failedOnIt(answer) ? requestOf(request).flatMap(log::failureOf) : Optional.empty();
    if (where.isEmpty()) {
      where = routes.declaring(resource.replaceAll("/\\{.*$", ""));
    }
    return new CheckFailure(
        name,
        where.map(SourceLine::file).orElse(null),
        where.map(SourceLine::line).orElse(0),
        message.toString());
  }

  private static boolean failedOnIt(String answer) {
    return answer.isEmpty() || answer.startsWith("5") || answer.startsWith("no answer");
  }

  private static Optional<String> requestOf(String request) {
    Matcher matcher = REQUEST.matcher(request);
    return matcher.find()
        ? Optional.of(matcher.group(1) + " " + matcher.group(2))
        : Optional.empty();
  }
}
