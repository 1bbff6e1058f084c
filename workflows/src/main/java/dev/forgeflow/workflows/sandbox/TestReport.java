package dev.forgeflow.workflows.sandbox;

import java.util.List;

/**
 * What the sandbox found when it built and exercised a bundle.
 *
 * @param passed true only when every check passed
 * @param image the project image the checks ran on
 */
public record TestReport(
    boolean passed,
    String image,
    int testsRun,
    int testsFailed,
    List<CheckFailure> failures,
    String summary) {
  public TestReport {
    failures = List.copyOf(failures);
  }
}
