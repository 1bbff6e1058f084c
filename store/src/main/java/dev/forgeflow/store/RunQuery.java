package dev.forgeflow.store;

import java.util.Objects;

/**
 * Which of an owner's runs to list, newest first, one page at a time.
 *
 * @param ownerId whose runs
 * @param projectId only the runs of this project, or {@code null} for all
 * @param status only runs with this status, or {@code null} for any
 * @param after the {@link RunPage#next()} cursor of the previous page, or {@code null} for the
 *     first page
 * @param limit the page's size, 1 to 200
 */
public record RunQuery(String ownerId, String projectId, String status, String after, int limit) {

  public static final int MAX_LIMIT = 200;

  public RunQuery {
    Objects.requireNonNull(ownerId, "ownerId");
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("A page holds 1 to " + MAX_LIMIT + " runs");
    }
  }
}
