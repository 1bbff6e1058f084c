package dev.forgeflow.sandbox.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What byte-compiling the project found, read from the compile helper's JSON.
 *
 * @param files how many .py files were compiled
 * @param failures one {@code compile} failure per file with a syntax error, at its line
 */
record CompileReport(int files, List<CheckFailure> failures) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static CompileReport parse(String json) {
    try {
      JsonNode report = JSON.readTree(json);
      List<CheckFailure> failures = new ArrayList<>();
      for (JsonNode error : report.path("errors")) {
        failures.add(
            new CheckFailure(
                "compile",
                error.path("file").asText(),
                error.path("line").asInt(),
                error.path("message").asText()));
      }
      return new CompileReport(report.path("files").asInt(), failures);
    } catch (IOException e) {
      return new CompileReport(
          0, List.of(new CheckFailure("compile", null, 0, "unreadable compile report: " + json)));
    }
  }
}
