package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.List;

/**
 * The deterministic stand-in for the model when no LLM endpoint is configured: no model, no
 * network. It reads the resources a prompt names, designs a FastAPI + SQLModel + SQLite CRUD
 * service for them, and renders every planned file from templates. The same input always gives the
 * same output. Wherever it runs it is announced as {@link #ANNOUNCEMENT}, never as a model.
 */
public final class OfflinePlanner {
  /** How the planner is announced to users, in the CLI, the UI and events. */
  public static final String ANNOUNCEMENT = "offline planner — no model configured";

  private static final int DESCRIPTION_LIMIT = 600;

  private final PromptReader reader = new PromptReader();

  /**
   * The charter of the service the prompt describes: its resources, CRUD endpoints and rules.
   *
   * @throws PromptNotUnderstoodException when the prompt names no resource with fields, or an
   *     unusable name or type; the message says how to phrase it or configure a model
   */
  public ProjectCharter charter(String prompt) {
    return charter(prompt, List.of());
  }

  /**
   * The charter of the service the prompt and its attached documents describe. The prompt is read
   * first, then each document's text in order, as further description: a prompt such as "Build the
   * API described in the attached spec" names no resource, and the service is built from the
   * documents'. The project is named after the service the prompt names, else the first document's
   * {@code # Title}, else the first resource. With no documents it is {@link #charter(String)}.
   *
   * @throws PromptNotUnderstoodException when neither the prompt nor a document declares a resource
   *     with fields ("it read the prompt and 2 attached documents and found no resource with
   *     fields"), or one declares an unusable name or type
   */
  public ProjectCharter charter(String prompt, List<String> documents) {
    PromptReading reading = reader.read(prompt, documents);
    return new ProjectCharter(
        reading.projectName(),
        description(prompt, documents),
        reading.entities(),
        ServicePlan.endpoints(reading.entities()),
        ServicePlan.rules(reading.entities()),
        false);
  }

  /**
   * The architecture of a charter's service, with its file plan. Feedback (may be null) that
   * declares resources with fields adds or replaces them, {@code remove x} removes one; the design
   * markdown records the feedback and what it changed under "Feedback applied".
   */
  public SystemArchitecture architecture(ProjectCharter charter, String feedback) {
    return ArchitectureDesigner.design(charter, feedback);
  }

  /**
   * The content of one file of the architecture's file plan, rendered from the templates. The
   * resources are those of the architecture's data model.
   *
   * @throws IllegalArgumentException for a path the planner has no template for
   */
  public String render(PlannedFile file, ProjectCharter charter, SystemArchitecture architecture) {
    return FileRenderer.render(file, charter, architecture);
  }

  /** The prompt, or when it is blank the first document, on one line and shortened. */
  private static String description(String prompt, List<String> documents) {
    String described = prompt == null ? "" : prompt;
    if (described.isBlank() && documents != null) {
      described = documents.stream().filter(d -> d != null && !d.isBlank()).findFirst().orElse("");
    }
    String text = described.strip().replaceAll("\\s+", " ");
    return text.length() <= DESCRIPTION_LIMIT
        ? text
        : text.substring(0, DESCRIPTION_LIMIT - 1).stripTrailing() + "…";
  }
}
