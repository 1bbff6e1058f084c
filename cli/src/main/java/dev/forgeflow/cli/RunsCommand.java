package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.store.RunRecord;
import dev.forgeflow.store.Stores;
import dev.forgeflow.workflows.journal.Fact;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code forgeflow runs}: the data dir's runs, newest first, with their status and where each
 * stands. Reads the store only: no worker starts, so listing never moves an interrupted run on.
 */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = "List the runs of this data dir, newest first, interrupted ones included.")
final class RunsCommand implements Callable<Integer> {
  private static final Set<String> FINAL = Set.of("SUCCEEDED", "FAILED", "CANCELLED");
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
  private static final int PAGE = 1_000;

  @Option(names = "--limit", defaultValue = "20", description = "Runs to show at most.")
  int limit;

  @Override
  public Integer call() {
    if (limit < 1 || limit > 10_000) {
      throw CliProblem.badInput("--limit must be between 1 and 10000.");
    }
    Optional<ServerTarget> server = ServerTarget.find(System.out, false);
    if (server.isPresent()) {
      try (ServerTarget target = server.get()) {
        return listFrom(target.api);
      } catch (ApiProblem refused) {
        throw refused.forCli();
      }
    }
    Optional<StoreOnly> opened = StoreOnly.open();
    if (opened.isEmpty()) {
      System.out.println("no runs yet in " + DataDir.location());
      return 0;
    }
    try (StoreOnly store = opened.get()) {
      List<RunRecord> runs = store.stores().runs().recent(limit);
      if (runs.isEmpty()) {
        System.out.println("no runs yet in " + store.dataDir());
        return 0;
      }
      // Local mode: this process holds the data dir, so no other runs these runs right now.
      boolean local = blank(System.getenv("FORGEFLOW_TEMPORAL_TARGET"));
      boolean anyInterrupted = false;
      System.out.println(
          String.format(
              Locale.ROOT,
              "%-36s  %-12s  %-22s  %-20s  %-16s  %s",
              "RUN",
              "STATUS",
              "WHERE",
              "PROJECT",
              "CREATED",
              "PROMPT"));
      for (RunRecord run : runs) {
        boolean interrupted = local && !FINAL.contains(run.status());
        anyInterrupted |= interrupted;
        System.out.println(
            TerminalText.clean(
                String.format(
                    Locale.ROOT,
                    "%-36s  %-12s  %-22s  %-20s  %-16s  %s",
                    run.id(),
                    interrupted ? "INTERRUPTED" : run.status(),
                    where(store.stores(), run),
                    cut(run.projectName() == null ? "-" : run.projectName(), 20),
                    WHEN.format(run.createdAt().atZoneSameInstant(ZoneId.systemDefault())),
                    cut(firstLine(run.prompt()), 60))));
      }
      if (anyInterrupted) {
        System.out.println();
        System.out.println(
            "An interrupted run continues where it stopped with: forgeflow resume <run>");
      }
      return 0;
    }
  }

  /** The caller's runs on a server (FORGEFLOW_URL, or the serve running on this data dir). */
  private int listFrom(ApiClient api) {
    List<JsonNode> runs = new java.util.ArrayList<>();
    String after = null;
    while (runs.size() < limit) {
      int page = Math.min(200, limit - runs.size());
      JsonNode list =
          after == null
              ? api.get("/api/runs?limit={limit}", page)
              : api.get("/api/runs?limit={limit}&after={after}", page, after);
      list.path("items").forEach(runs::add);
      if (!list.hasNonNull("next")) {
        break;
      }
      after = list.path("next").asText();
    }
    if (runs.isEmpty()) {
      System.out.println("no runs yet on " + api.base());
      return 0;
    }
    System.out.println(
        String.format(
            Locale.ROOT,
            "%-36s  %-17s  %-20s  %-16s  %s",
            "RUN",
            "STATUS",
            "SERVICE",
            "CREATED",
            "PROMPT"));
    for (JsonNode run : runs) {
      System.out.println(
          TerminalText.clean(
              String.format(
                  Locale.ROOT,
                  "%-36s  %-17s  %-20s  %-16s  %s",
                  run.path("id").asText(),
                  run.path("status").asText(),
                  cut(run.path("service").asText("-"), 20),
                  WHEN.format(
                      java.time.OffsetDateTime.parse(run.path("createdAt").asText())
                          .atZoneSameInstant(ZoneId.systemDefault())),
                  cut(firstLine(run.path("prompt").asText()), 60))));
    }
    return 0;
  }

  /** Where a run stands: its outcome once ended, else the last stage it entered. */
  private static String where(Stores stores, RunRecord run) {
    if (run.resultJson() != null && FINAL.contains(run.status())) {
      JsonNode result = ProgressPrinter.parse(run.resultJson());
      if (result.hasNonNull("outcome")) {
        return result.path("outcome").asText();
      }
      if (result.hasNonNull("stage")) {
        return "in " + result.path("stage").asText();
      }
    }
    switch (run.status()) {
      case "AWAITING_APPROVAL" -> {
        return "plan approval";
      }
      case "PAUSED_BUDGET" -> {
        return "budget decision";
      }
      default -> {
        // where its last stage began, below
      }
    }
    String stage = null;
    int round = 0;
    long after = 0;
    while (true) {
      List<JournalEvent> page = stores.journal().readAfter(run.id(), after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (JournalEvent event : page) {
        if (event.type().equals(Fact.StageStarted.TYPE)) {
          JsonNode payload = ProgressPrinter.parse(event.payloadJson());
          stage = payload.path("stage").asText();
          round = payload.path("round").asInt();
        }
      }
      after = page.get(page.size() - 1).seq();
    }
    if (stage == null) {
      return "-";
    }
    return round > 0 ? stage + " r" + round : stage;
  }

  private static String firstLine(String prompt) {
    String stripped = prompt.strip();
    int newline = stripped.indexOf('\n');
    return newline < 0 ? stripped : stripped.substring(0, newline).strip() + " …";
  }

  private static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
