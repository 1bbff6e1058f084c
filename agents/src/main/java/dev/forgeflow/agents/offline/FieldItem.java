package dev.forgeflow.agents.offline;

/**
 * One item of a field list as read: a field, a would-be field the planner cannot use (its problem
 * says why), or text that is no field at all. Readers refuse a problem only once the rest of a
 * declaration shows it really declares a resource, so prose is never refused.
 *
 * @param text the item as written
 * @param field the field, or null
 * @param problem why a would-be field cannot be used, or null
 */
record FieldItem(String text, RawField field, String problem) {
  static FieldItem of(String text, RawField field) {
    return new FieldItem(text, field, null);
  }

  static FieldItem problem(String text, String problem) {
    return new FieldItem(text, null, problem);
  }

  static FieldItem none(String text) {
    return new FieldItem(text, null, null);
  }

  boolean isField() {
    return field != null;
  }

  boolean isProblem() {
    return problem != null;
  }

  /** Whether it is a field or a would-be field: anything but prose. */
  boolean looksLikeField() {
    return field != null || problem != null;
  }

  /** Refuses the prompt when the item is a would-be field. */
  void refuseProblem() {
    refuseProblem("");
  }

  /** Refuses the prompt when the item is a would-be field, saying what was understood. */
  void refuseProblem(String understood) {
    if (problem != null) {
      throw new PromptNotUnderstoodException(problem, understood);
    }
  }
}
