package dev.forgeflow.agents;

import dev.forgeflow.agents.architecture.ArchitectureActivitiesImpl;
import dev.forgeflow.agents.architecture.ArchitectureDrafters;
import dev.forgeflow.agents.implementer.FileDrafters;
import dev.forgeflow.agents.implementer.FileTasks;
import dev.forgeflow.agents.implementer.ImplementerActivitiesImpl;
import dev.forgeflow.agents.journal.JournalActivitiesImpl;
import dev.forgeflow.agents.llm.JournalUsageRecorder;
import dev.forgeflow.agents.llm.LlmClient;
import dev.forgeflow.agents.llm.LlmClients;
import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.agents.llm.Pricing;
import dev.forgeflow.agents.llm.StructuredOutput;
import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.requirements.CharterDrafters;
import dev.forgeflow.agents.requirements.RequirementsActivitiesImpl;
import dev.forgeflow.agents.retrieval.Retrieval;
import dev.forgeflow.agents.retrieval.RetrievalActivitiesImpl;
import dev.forgeflow.agents.review.ReviewDrafters;
import dev.forgeflow.agents.review.ReviewerActivitiesImpl;
import dev.forgeflow.agents.support.ActivityJournal;
import dev.forgeflow.agents.support.ModelAgent;
import dev.forgeflow.agents.validate.BundleValidators;
import dev.forgeflow.agents.validate.RuntimeProfile;
import dev.forgeflow.store.Stores;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The agents' activity implementations, wired to the stores and to a model (when one is configured)
 * or to the offline planner (when none is).
 */
public final class Agents {
  /** The instrumentation scope of the agents' spans. */
  public static final String TRACER = "dev.forgeflow.agents";

  private Agents() {}

  /** What the events and the CLI call the planner in use. */
  public static String plannerName(Optional<LlmSettings> llm) {
    return llm.isPresent() ? "model" : "offline";
  }

  /**
   * Every activity implementation of the agents' task queue, ready to register on a worker; the
   * agents retrieve through {@code retrieval}.
   */
  public static List<Object> activities(
      Stores stores, Optional<LlmSettings> llm, RuntimeProfile profile, Retrieval retrieval) {
    return activities(stores, llm, profile, retrieval, OpenTelemetry.noop());
  }

  /**
   * Like {@link #activities(Stores, Optional, RuntimeProfile, Retrieval)}, with every model call a
   * span of {@code telemetry}'s tracer, a child of the activity's span.
   */
  public static List<Object> activities(
      Stores stores,
      Optional<LlmSettings> llm,
      RuntimeProfile profile,
      Retrieval retrieval,
      OpenTelemetry telemetry) {
    ActivityJournal journal = new ActivityJournal(stores.journal());
    String planner = plannerName(llm);
    Optional<Models> models = llm.map(settings -> new Models(stores, settings, profile, telemetry));
    OfflinePlanner offline = new OfflinePlanner();
    return List.of(
        new RequirementsActivitiesImpl(
            models
                .map(m -> CharterDrafters.model(m.agent("requirements")))
                .orElseGet(() -> CharterDrafters.offline(offline)),
            stores.artifacts(),
            stores.runs(),
            journal,
            planner),
        new ArchitectureActivitiesImpl(
            models
                .map(m -> ArchitectureDrafters.model(m.agent("architecture")))
                .orElseGet(() -> ArchitectureDrafters.offline(offline)),
            stores.artifacts(),
            journal,
            planner),
        new ImplementerActivitiesImpl(
            models
                .map(m -> FileDrafters.model(m.agent("implementer")))
                .orElseGet(() -> FileDrafters.offline(offline)),
            new FileTasks(stores.artifacts(), stores.bundles()),
            stores.bundles(),
            journal,
            models.isPresent()),
        new ReviewerActivitiesImpl(
            models
                .map(m -> ReviewDrafters.model(m.agent("reviewer")))
                .orElseGet(ReviewDrafters::offline),
            new BundleValidators(),
            profile,
            stores.artifacts(),
            stores.bundles(),
            journal),
        new RetrievalActivitiesImpl(retrieval, stores, journal),
        new JournalActivitiesImpl(journal, stores.runs()));
  }

  /**
   * The model side: one client that keeps every reply before it is used and records its usage
   * ({@link LlmClients#ledgered}), one structured-output caller, an agent per name.
   */
  private static final class Models {
    private final StructuredOutput output;
    private final LlmSettings settings;
    private final RuntimeProfile profile;

    Models(Stores stores, LlmSettings settings, RuntimeProfile profile, OpenTelemetry telemetry) {
      JournalUsageRecorder recorder =
          new JournalUsageRecorder(
              stores.llmCalls(), stores.journal(), Pricing.of(settings), Clock.systemUTC());
      LlmClient model = LlmClients.traced(LlmClients.openAi(settings), telemetry.getTracer(TRACER));
      LlmClient client = LlmClients.ledgered(model, stores.replies(), recorder);
      this.output = new StructuredOutput(client);
      this.settings = settings;
      this.profile = profile;
    }

    ModelAgent agent(String name) {
      return new ModelAgent(name, output, settings, profile);
    }
  }
}
