package dev.forgeflow.workflows.pipeline;

import io.temporal.common.SearchAttributeKey;
import java.util.List;

/**
 * The custom search attributes of a run's workflow, for operators in Temporal Web: {@code
 * ForgeflowProject = 'todo-service' AND ForgeflowStatus = 'AWAITING_APPROVAL'}. Owner and model are
 * set when the run starts; project, stage, status and round are kept current by the workflow. A
 * cluster must have them registered (Forgeflow registers them on the dev server it starts, and on
 * any cluster that lets it); where they are not, runs go on without them.
 */
public final class RunSearchAttributes {
  /** The project the run builds, once Requirements has named it. */
  public static final SearchAttributeKey<String> PROJECT =
      SearchAttributeKey.forKeyword("ForgeflowProject");

  /** The stage the run is in: REQUIREMENTS, ARCHITECTURE, ... DONE. */
  public static final SearchAttributeKey<String> STAGE =
      SearchAttributeKey.forKeyword("ForgeflowStage");

  /** The run's status as the store keeps it: RUNNING, AWAITING_APPROVAL, SUCCEEDED, ... */
  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("ForgeflowStatus");

  /** The review round, 0 before the first review. */
  public static final SearchAttributeKey<Long> ROUND = SearchAttributeKey.forLong("ForgeflowRound");

  /** Who started the run. */
  public static final SearchAttributeKey<String> OWNER =
      SearchAttributeKey.forKeyword("ForgeflowOwner");

  /** The model the agents ask, or {@code offline} for the offline planner. */
  public static final SearchAttributeKey<String> MODEL =
      SearchAttributeKey.forKeyword("ForgeflowModel");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(PROJECT, STAGE, STATUS, ROUND, OWNER, MODEL);

  /** The memo field that holds the first line of the run's prompt. */
  public static final String PROMPT_MEMO = "prompt";

  private static final int MEMO_CHARS = 200;

  private RunSearchAttributes() {}

  /** The prompt's first non-blank line, cut to a length a list can show. */
  public static String promptLine(String prompt) {
    String line =
        prompt.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    return line.length() <= MEMO_CHARS ? line : line.substring(0, MEMO_CHARS - 1) + "…";
  }
}
