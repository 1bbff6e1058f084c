package dev.forgeflow.sandbox.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns the OpenAPI probe's JSON report into check failures, located by the server's log. */
final class ProbeReport {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern REQUEST = Pattern.compile("^([A-Z]+) (\\S+)");

  private ProbeReport() {}

  /**
   * One failure per failed probe check, named {@code <resource>.<check>}; a failure whose request
   * made the service log a traceback points at the traceback's project line.
   */
  static List<CheckFailure> failures(String reportJson, ServerLog log) {
    JsonNode report;
    try {
      report = JSON.readTree(reportJson.isBlank() ? "{}" : reportJson);
    } catch (IOException e) {
      return List.of(
          new CheckFailure("probe", null, 0, "unreadable probe report: " + e.getMessage()));
    }
    List<CheckFailure> failures = new ArrayList<>();
    for (JsonNode check : report.path("checks")) {
      if (!check.path("ok").asBoolean(false)) {
        failures.add(failure(check, log));
      }
    }
    if (failures.isEmpty() && report.path("passed").asInt(0) == 0) {
      failures.add(new CheckFailure("probe", null, 0, "the probe ran no check"));
    }
    return failures;
  }

  private static CheckFailure failure(JsonNode check, ServerLog log) {
    String name = check.path("resource").asText("*") + "." + check.path("check").asText("?");
    String detail = check.path("detail").asText("");
    Optional<SourceLine> where = requestOf(detail).flatMap(log::failureOf);
    return where
        .map(line -> new CheckFailure(name, line.file(), line.line(), detail))
        .orElseGet(() -> new CheckFailure(name, null, 0, detail));
  }

  private static Optional<String> requestOf(String detail) {
    Matcher matcher = REQUEST.matcher(detail);
    return matcher.find()
        ? Optional.of(matcher.group(1) + " " + matcher.group(2))
        : Optional.empty();
  }
}
