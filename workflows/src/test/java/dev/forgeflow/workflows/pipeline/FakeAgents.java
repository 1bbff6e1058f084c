package dev.forgeflow.workflows.pipeline;

import dev.forgeflow.workflows.architecture.ArchitectureActivities;
import dev.forgeflow.workflows.architecture.ArchitectureInput;
import dev.forgeflow.workflows.architecture.ArchitectureResult;
import dev.forgeflow.workflows.artifacts.BundleRef;
import dev.forgeflow.workflows.artifacts.PlannedFile;
import dev.forgeflow.workflows.artifacts.ReviewIssue;
import dev.forgeflow.workflows.artifacts.ReviewReport;
import dev.forgeflow.workflows.artifacts.Severity;
import dev.forgeflow.workflows.artifacts.Usage;
import dev.forgeflow.workflows.implementer.AssembleInput;
import dev.forgeflow.workflows.implementer.ImplementFileInput;
import dev.forgeflow.workflows.implementer.ImplementedFile;
import dev.forgeflow.workflows.implementer.ImplementerActivities;
import dev.forgeflow.workflows.journal.JournalActivities;
import dev.forgeflow.workflows.journal.RunEnd;
import dev.forgeflow.workflows.journal.RunEvent;
import dev.forgeflow.workflows.journal.RunStatus;
import dev.forgeflow.workflows.requirements.CharterResult;
import dev.forgeflow.workflows.requirements.RequirementsActivities;
import dev.forgeflow.workflows.requirements.RequirementsInput;
import dev.forgeflow.workflows.retrieval.CodeIndexInput;
import dev.forgeflow.workflows.retrieval.RetrievalActivities;
import dev.forgeflow.workflows.retrieval.RetrievalInput;
import dev.forgeflow.workflows.retrieval.RetrievalResult;
import dev.forgeflow.workflows.review.ReviewInput;
import dev.forgeflow.workflows.review.ReviewResult;
import dev.forgeflow.workflows.review.ReviewerActivities;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import dev.forgeflow.workflows.sandbox.CheckInput;
import dev.forgeflow.workflows.sandbox.DeployActivities;
import dev.forgeflow.workflows.sandbox.DeployInput;
import dev.forgeflow.workflows.sandbox.Deployment;
import dev.forgeflow.workflows.sandbox.PlacementInput;
import dev.forgeflow.workflows.sandbox.SandboxActivities;
import dev.forgeflow.workflows.sandbox.SandboxHost;
import dev.forgeflow.workflows.sandbox.SandboxPlacement;
import dev.forgeflow.workflows.sandbox.TestReport;
import io.temporal.activity.Activity;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Fake agents and journal for workflow tests: scripted answers, recorded calls, no I/O. */
final class FakeAgents
    implements RequirementsActivities,
        ArchitectureActivities,
        ImplementerActivities,
        ReviewerActivities,
        SandboxActivities,
        SandboxPlacement,
        DeployActivities,
        RetrievalActivities,
        JournalActivities {

  static final List<PlannedFile> PLAN =
      List.of(
          file("app/main.py"),
          file("app/models.py"),
          file("app/database.py"),
          file("app/routers/books.py"),
          file("tests/test_books.py"),
          file("requirements.txt"));

  final List<RunEvent> events = new CopyOnWriteArrayList<>();
  final List<RunStatus> statuses = new CopyOnWriteArrayList<>();
  final List<RunEnd> ends = new CopyOnWriteArrayList<>();
  final List<ArchitectureInput> designs = new CopyOnWriteArrayList<>();
  final List<RetrievalInput> retrievals = new CopyOnWriteArrayList<>();
  final List<CodeIndexInput> indexed = new CopyOnWriteArrayList<>();
  volatile int retrievalFailures;
  final List<ImplementFileInput> implemented = new CopyOnWriteArrayList<>();
  final List<ReviewInput> reviews = new CopyOnWriteArrayList<>();
  final Deque<ReviewReport> reviewScript = new ConcurrentLinkedDeque<>();
  final Deque<TestReport> checkScript = new ConcurrentLinkedDeque<>();
  final List<CheckInput> checks = new CopyOnWriteArrayList<>();
  final List<DeployInput> deploys = new CopyOnWriteArrayList<>();
  final List<String> removedRuns = new CopyOnWriteArrayList<>();

  /** The hosts placements answer with, in turn; the last one stays. */
  final Deque<String> hosts = new ConcurrentLinkedDeque<>(List.of(HOST));

  final List<PlacementInput> placements = new CopyOnWriteArrayList<>();

  /** Each sandbox call as "method queue". */
  final List<String> sandboxCalls = new CopyOnWriteArrayList<>();

  final CountDownLatch checkStarted = new CountDownLatch(1);
  volatile long checkMillis = 0;
  volatile RuntimeException deployFailure;

  /** A run whose deploys fail for good, the others' succeeding. */
  volatile String deployFailureFor;

  final AtomicInteger inFlight = new AtomicInteger();
  final AtomicInteger maxInFlight = new AtomicInteger();
  final CountDownLatch implementerStarted = new CountDownLatch(1);
  volatile Usage usagePerCall = Usage.NONE;
  volatile long implementMillis = 50;
  volatile RuntimeException requirementsFailure;
  private final AtomicInteger versions = new AtomicInteger();

  /** The Docker host sandbox work is placed on unless a test scripts others. */
  static final String HOST = "host-a";

  static PlannedFile file(String path) {
    return new PlannedFile(path, "purpose of " + path, "interface of " + path);
  }

  @Override
  public RetrievalResult retrieve(RetrievalInput input) {
    if (retrievalFailures > 0) {
      retrievalFailures--;
      throw new IllegalStateException("Chroma at http://127.0.0.1:9 is not answering");
    }
    retrievals.add(input);
    return new RetrievalResult("context-" + retrievals.size(), 3);
  }

  @Override
  public int indexCode(CodeIndexInput input) {
    indexed.add(input);
    return 7;
  }

  @Override
  public CharterResult analyze(RequirementsInput input) {
    if (requirementsFailure != null) {
      throw requirementsFailure;
    }
    return new CharterResult("charter-1", "bookstore-api", 2, usagePerCall, false);
  }

  @Override
  public ArchitectureResult design(ArchitectureInput input) {
    designs.add(input);
    return new ArchitectureResult("architecture-" + designs.size(), PLAN, usagePerCall);
  }

  @Override
  public ImplementedFile implementFile(ImplementFileInput input) {
    implemented.add(input);
    int now = inFlight.incrementAndGet();
    maxInFlight.accumulateAndGet(now, Math::max);
    implementerStarted.countDown();
    try {
      TimeUnit.MILLISECONDS.sleep(implementMillis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
    String path = input.file().path();
    return new ImplementedFile(path, "sha-" + path.hashCode(), 10, null, usagePerCall);
  }

  @Override
  public BundleRef assemble(AssembleInput input) {
    int version = versions.incrementAndGet();
    return new BundleRef("bundle-" + version, version, PLAN.size());
  }

  @Override
  public SandboxHost place(PlacementInput input) {
    placements.add(input);
    String host = hosts.size() > 1 ? hosts.poll() : hosts.peek();
    return SandboxHost.named(host);
  }

  @Override
  public TestReport check(CheckInput input) {
    checks.add(input);
    sandboxCall("check");
    checkStarted.countDown();
    pause(checkMillis);
    TestReport next = checkScript.poll();
    return next != null ? next : new TestReport(true, "image", 3, 0, List.of(), "3 passed");
  }

  @Override
  public Deployment deploy(DeployInput input) {
    deploys.add(input);
    sandboxCall("deploy");
    if (deployFailure != null) {
      throw deployFailure;
    }
    if (input.runId().equals(deployFailureFor)) {
      throw ApplicationFailure.newNonRetryableFailure("the service never answered", "DeployFailed");
    }
    return new Deployment(
        input.project(), "container-1", "image", 40123, "http://127.0.0.1:40123", "healthy");
  }

  @Override
  public void removeRunResources(String runId) {
    removedRuns.add(runId);
    sandboxCall("remove");
  }

  @Override
  public boolean stopService(String runId) {
    sandboxCall("stop");
    return true;
  }

  private void sandboxCall(String method) {
    sandboxCalls.add(
        method + " " + Activity.getExecutionContext().getInfo().getActivityTaskQueue());
  }

  private static void pause(long millis) {
    try {
      TimeUnit.MILLISECONDS.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Reviews as the real reviewer does with test results: failed checks block approval. */
  @Override
  public ReviewResult review(ReviewInput input) {
    reviews.add(input);
    if (input.tests() != null && !input.tests().passed()) {
      CheckFailure failure = input.tests().failures().get(0);
      return new ReviewResult(
          new ReviewReport(
              false,
              "tests fail",
              List.of(
                  new ReviewIssue(
                      Severity.BLOCKER,
                      failure.file(),
                      failure.line(),
                      "test." + failure.check(),
                      failure.message())),
              List.of()),
          usagePerCall);
    }
    ReviewReport next = reviewScript.poll();
    return new ReviewResult(
        next != null ? next : new ReviewReport(true, "fine", List.of(), List.of()), usagePerCall);
  }

  @Override
  public void record(RunEvent event) {
    events.add(event);
  }

  @Override
  public void setStatus(String runId, RunStatus status) {
    statuses.add(status);
  }

  @Override
  public void finish(RunEnd end) {
    ends.add(end);
    statuses.add(end.status());
  }

  List<String> eventTypes() {
    List<String> types = new ArrayList<>();
    events.forEach(e -> types.add(e.type()));
    return Collections.unmodifiableList(types);
  }

  List<String> modesFor(String path) {
    return implemented.stream()
        .filter(i -> i.file().path().equals(path))
        .map(i -> i.mode().name())
        .toList();
  }
}
