package dev.forgeflow.workflows.retrieval;

import java.util.Locale;

/** The agents that retrieve, and what each one searches. */
public enum RetrievalAgent {
  /** The project's documents, for the prompt. */
  REQUIREMENTS,
  /** The knowledge base's patterns, for the charter. */
  ARCHITECTURE,
  /** The knowledge base's patterns, for the charter and its file plan. */
  IMPLEMENTER,
  /** The knowledge base's security checklist, for the charter. */
  REVIEWER;

  /** The name events and artifacts use: {@code requirements}, ... */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The artifact kind the retrieved passages are kept as. */
  public String artifactKind() {
    return "context." + key();
  }
}
