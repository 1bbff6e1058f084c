package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A request the server refused or could not answer: its status and, in its words, why. */
final class ApiProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The HTTP status, or 0 when the server did not answer at all. */
  private final int status;

  ApiProblem(int status, String title, String detail) {
    super(detail == null || detail.isBlank() ? title : detail);
    this.status = status;
  }

  int status() {
    return status;
  }

  /** The problem an error response's body states (RFC 9457), or its status alone. */
  static ApiProblem of(int status, String body) {
    try {
      JsonNode problem = JSON.readTree(body);
      if (problem != null && problem.isObject()) {
        return new ApiProblem(
            status,
            problem.path("title").asText("HTTP " + status),
            problem.path("detail").asText());
      }
    } catch (Exception notJson) {
      // fall through: the status alone
    }
    return new ApiProblem(status, "HTTP " + status, "the server answered HTTP " + status);
  }

  /** The same refusal as a CLI problem, with its exit code. */
  CliProblem forCli() {
    String sentence = getMessage().endsWith(".") ? getMessage() : getMessage() + ".";
    return switch (status) {
      case 0 -> CliProblem.environment(sentence);
      case 401 ->
          CliProblem.environment(
              sentence + " Sign in with 'forgeflow login', or set FORGEFLOW_TOKEN.");
      case 400, 404, 409, 413, 422, 429 -> CliProblem.badInput(sentence);
      default -> CliProblem.environment("The server failed: " + sentence);
    };
  }
}
