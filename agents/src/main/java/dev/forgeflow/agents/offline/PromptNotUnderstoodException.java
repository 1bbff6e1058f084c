package dev.forgeflow.agents.offline;

/**
 * The offline planner could not read resources and fields from a prompt. The message says what it
 * did understand, how to phrase the prompt so it can, and how to configure a model instead; the
 * planner never guesses.
 */
public class PromptNotUnderstoodException extends RuntimeException {
  static final String EXAMPLE =
      "\"books (title, author, price: float) and reviews (book_id, rating: int, comment)\"";

  /**
   * @param problem what went wrong, e.g. {@code no resource with fields was found}
   * @param understood what the planner did read, or an empty string
   */
  public PromptNotUnderstoodException(String problem, String understood) {
    super(message(problem, understood));
  }

  private static String message(String problem, String understood) {
    StringBuilder text = new StringBuilder("The offline planner could not read the prompt: ");
    text.append(problem).append(". ");
    text.append(understood.isBlank() ? "It understood nothing it could build." : understood);
    text.append(" Name resources with their fields in parentheses, e.g. ").append(EXAMPLE);
    text.append("; field types: ").append(FieldTypes.describe()).append(" (default str);");
    text.append(" a field named x_id refers to the resource x.");
    text.append(" To have a model read free-form prompts instead, set FORGEFLOW_LLM_BASE_URL.");
    return text.toString();
  }
}
