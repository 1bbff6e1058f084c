package dev.forgeflow.agents;

import dev.forgeflow.agents.llm.FakeResponse;
import dev.forgeflow.agents.llm.FileDraft;
import dev.forgeflow.agents.llm.RecordedRequest;
import dev.forgeflow.agents.offline.OfflinePlanner;
import dev.forgeflow.agents.support.Json;
import dev.forgeflow.workflows.artifacts.PatchRequest;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ProjectCharter;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import dev.forgeflow.workflows.artifacts.Severity;
import dev.forgeflow.workflows.artifacts.SystemArchitecture;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fake model for {@code FakeLlmServer}: it answers each agent's request in the agent's schema,
 * reading the request the way a model would (the description, the charter JSON, the file path) and
 * producing its content with the offline planner, so the project it "writes" really works. Streams
 * file content in chunks when asked to. Hooks let a test spoil the architecture, spoil a file's
 * first draft (a rewrite or a patch renders it right), and script the review of a round whose
 * checks report a given finding.
 */
public final class FakeModel implements Function<RecordedRequest, FakeResponse> {
  private static final Pattern DESCRIPTION =
      Pattern.compile("\"\"\"\\n(.*)\\n\"\"\"", Pattern.DOTALL);
  private static final Pattern CHARTER =
      Pattern.compile("(?:Charter|Project charter) \\(JSON\\):\\n(\\{.*?})\\n\\n", Pattern.DOTALL);
  private static final Pattern PATH = Pattern.compile("Write the file `([^`]+)`");

  private final OfflinePlanner planner = new OfflinePlanner();
  private volatile UnaryOperator<SystemArchitecture> spoilArchitecture = UnaryOperator.identity();
  private volatile String spoiledPath;
  private volatile UnaryOperator<String> spoilDraft = UnaryOperator.identity();
  private volatile String findingSeen;
  private volatile PatchRequest patchOnFinding;

  /** Adds a planned file whose path leaves the project root. */
  public FakeModel planningPath(String hostilePath) {
    spoilArchitecture =
        architecture -> {
          List<PlannedFile> plan = new ArrayList<>(architecture.filePlan());
          plan.add(new PlannedFile(hostilePath, "a file outside the project", "nothing"));
          return new SystemArchitecture(
              architecture.designMarkdown(),
              architecture.mermaid(),
              architecture.components(),
              architecture.dataModel(),
              architecture.endpoints(),
              plan);
        };
    return this;
  }

  /** The first draft of {@code path} (written from scratch) comes out spoiled by {@code spoil}. */
  public FakeModel spoilingFirstDraft(String path, UnaryOperator<String> spoil) {
    spoiledPath = path;
    spoilDraft = spoil;
    return this;
  }

  /**
   * A review whose checks report {@code finding} is not approved and asks for {@code patch}, as a
   * model reading the findings would; other reviews approve.
   */
  public FakeModel patchingOn(String finding, PatchRequest patch) {
    findingSeen = finding;
    patchOnFinding = patch;
    return this;
  }

  @Override
  public FakeResponse apply(RecordedRequest request) {
    String user = request.message("user");
    return switch (String.valueOf(request.schemaName())) {
      case "ProjectCharter" ->
          answer(request, planner.charter(find(DESCRIPTION, user), documents(user)));
      case "SystemArchitecture" -> answer(request, architecture(charter(user)));
      case "FileDraft" -> file(request, user);
      case "ReviewReport" -> answer(request, review(user));
      default -> FakeResponse.error(400, "fake model: unexpected schema " + request.schemaName());
    };
  }

  /** The retrieved document passages the requirements prompt carries, as a model reads them. */
  private static List<String> documents(String user) {
    String marker =
        "(a\ndescription that refers to \"the attached spec\" means these; empty if none):\n";
    int at = user.indexOf(marker);
    if (at < 0) {
      return List.of();
    }
    String passages = user.substring(at + marker.length());
    int guide = passages.indexOf("\n\nGuidance from the knowledge base");
    passages = (guide < 0 ? passages : passages.substring(0, guide)).strip();
    return passages.equals("(nothing retrieved)")
        ? List.of()
        : List.of(passages.replaceAll("(?m)^### .*$", ""));
  }

  private FakeResponse file(RecordedRequest request, String user) {
    String path = find(PATH, user);
    SystemArchitecture architecture = architecture(charter(user));
    PlannedFile planned =
        architecture.filePlan().stream()
            .filter(f -> f.path().equals(path))
            .findFirst()
            .orElse(new PlannedFile(path, "", ""));
    String content =
        planned.path().contains("..")
            ? "print('escaped')\n"
            : planner.render(planned, charter(user), architecture);
    if (path.equals(spoiledPath) && user.contains("(write it from scratch)")) {
      content = spoilDraft.apply(content);
    }
    String json = Json.write(new FileDraft(path, content));
    if (!request.streamed()) {
      return FakeResponse.completion(json);
    }
    List<String> chunks = new ArrayList<>();
    for (int i = 0; i < json.length(); i += 200) {
      chunks.add(json.substring(i, Math.min(json.length(), i + 200)));
    }
    return FakeResponse.stream(request.model(), chunks, 300, json.length() / 4);
  }

  private ReviewReport review(String user) {
    PatchRequest patch = patchOnFinding;
    if (patch == null || !user.contains(findingSeen)) {
      return new ReviewReport(true, "fake review: looks right", List.of(), List.of());
    }
    ReviewIssue issue =
        new ReviewIssue(Severity.MAJOR, patch.file(), 0, "attack-finding", findingSeen);
    return new ReviewReport(
        false, "fake review: the checks found " + findingSeen, List.of(issue), List.of(patch));
  }

  private SystemArchitecture architecture(ProjectCharter charter) {
    return spoilArchitecture.apply(planner.architecture(charter, null));
  }

  private static ProjectCharter charter(String user) {
    return Json.read(find(CHARTER, user), ProjectCharter.class);
  }

  private static FakeResponse answer(RecordedRequest request, Object value) {
    return FakeResponse.completion(request.model(), Json.write(value), 120, 80);
  }

  private static String find(Pattern pattern, String text) {
    Matcher matcher = pattern.matcher(text);
    if (!matcher.find()) {
      throw new IllegalArgumentException("fake model cannot read: " + pattern + " in " + text);
    }
    return matcher.group(1);
  }
}
