package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.artifacts.PatchRequest;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The planned files a review asks to change, each with the review's words for it. */
record RepairPlan(Map<PlannedFile, List<String>> instructions) {

  static RepairPlan of(ReviewReport report, List<PlannedFile> filePlan) {
    Map<String, PlannedFile> planned = new LinkedHashMap<>();
    filePlan.forEach(f -> planned.put(f.path(), f));
    Map<PlannedFile, List<String>> byFile = new LinkedHashMap<>();
    for (ReviewIssue issue : report.blockingIssues()) {
      PlannedFile file = planned.get(issue.file());
      if (file != null) {
        byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(describe(issue));
      }
    }
    for (PatchRequest patch : report.patches()) {
      PlannedFile file = planned.get(patch.file());
      if (file != null) {
        byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(patch.instructions());
      }
    }
    return new RepairPlan(byFile);
  }

  private static String describe(ReviewIssue issue) {
    String where = issue.line() > 0 ? " line " + issue.line() : "";
    return issue.severity() + " " + issue.rule() + where + ": " + issue.message();
  }

  boolean isEmpty() {
    return instructions.isEmpty();
  }

  List<PlannedFile> files() {
    return List.copyOf(instructions.keySet());
  }
}
