package dev.forgeflow.orchestrator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.forgeflow.agents.FakeModel;
import dev.forgeflow.agents.llm.FakeLlmServer;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.deploy.DeployActivitiesImpl;
import dev.forgeflow.store.JournalEvent;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One run, one trace: a run with a model (a fake OpenAI-compatible server, so openai-java speaks
 * real HTTP), the sandbox's checks and a deploy (the real Docker engine), against a real Temporal
 * dev server — local mode's own, started with {@code FORGEFLOW_TEMPORAL_CLI} in the test's data dir
 * — with every span kept in memory. The context is closed after the class: its workers must not
 * outlive its database and take another test's tasks.
 */
@SpringBootTest(classes = {OrchestratorApplication.class, TracingIT.KeptSpans.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TracingIT {
  static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  static final FakeLlmServer MODEL = FakeLlmServer.start(new FakeModel());
  static final AttributeKey<String> RUN_ID = AttributeKey.stringKey("forgeflow.run_id");

  @TempDir static Path dataDir;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) {
    registry.add("forgeflow.data-dir", () -> dataDir.toString());
    registry.add("forgeflow.llm.base-url", MODEL::baseUrl);
    registry.add("forgeflow.llm.api-key", () -> "sk-tracing-test");
    registry.add("forgeflow.llm.model", () -> "fake-model");
  }

  /** Every span the application ends, kept for the test to read. */
  @TestConfiguration(proxyBeanMethods = false)
  static class KeptSpans {
    @Bean
    SpanProcessor keptSpans() {
      return SimpleSpanProcessor.create(SPANS);
    }
  }

  @AfterAll
  static void stopModel() {
    MODEL.close();
  }

  @Autowired Runs runs;
  @Autowired TemporalChoice temporal;
  @Autowired SandboxChoice sandbox;
  @Autowired SandboxInstance instance;

  @Test
  void oneTraceRunsFromTheRunsStartThroughWorkflowStagesModelCallsAndDockerOperations() {
    assertThat(temporal.durable()).as("a real Temporal server").isTrue();
    assertThat(sandbox.available()).as(sandbox.describe()).isTrue();
    String runId =
        ((Launch.Started)
                runs.launch(
                    new RunRequest(
                        "A bookstore API with books (title, author, price: float) and reviews "
                            + "(book_id, rating: int, comment)",
                        PipelineOptions.defaults().withSandbox(SandboxMode.DEPLOY))))
            .runId();
    try {
      List<JournalEvent> events = RunEnds.followToEnd(runs, runId, Duration.ofMinutes(5));
      assertThat(events.get(events.size() - 1).type()).isEqualTo("run.completed");
      assertThat(events).extracting(JournalEvent::type).contains("deploy.ready");
      assertOneTraceSpans(runId);
    } finally {
      removeWhatTheRunLeft(runId);
    }
  }

  private void assertOneTraceSpans(String runId) {

    SpanData root = only(runId, "forgeflow.run.start");
    List<SpanData> trace = inTraceOnceEnded(root.getTraceId(), "RunWorkflow:PipelineWorkflow");
    Set<String> names = trace.stream().map(SpanData::getName).collect(Collectors.toSet());
    assertThat(root.getParentSpanContext().isValid()).as("the start is the root").isFalse();
    assertThat(names)
        .contains(
            "StartWorkflow:PipelineWorkflow",
            "RunWorkflow:PipelineWorkflow",
            "RunActivity:Analyze",
            "RunActivity:Design",
            "RunActivity:ImplementFile",
            "RunActivity:Assemble",
            "RunActivity:Check",
            "RunActivity:Review",
            "RunActivity:Deploy",
            "chat fake-model",
            "docker.build_image",
            "docker.run_check",
            "docker.deploy");
    // no span of this run escaped into another trace
    assertThat(
            SPANS.getFinishedSpanItems().stream()
                .filter(span -> runId.equals(span.getAttributes().get(RUN_ID)))
                .map(SpanData::getTraceId)
                .distinct())
        .containsExactly(root.getTraceId());
    assertThat(
            trace.stream()
                .filter(span -> span.getName().equals("chat fake-model"))
                .map(span -> span.getAttributes().get(AttributeKey.stringKey("forgeflow.agent")))
                .collect(Collectors.toSet()))
        .contains("requirements", "architecture", "implementer", "reviewer");
    assertThat(parentOf(trace, first(trace, "chat fake-model")).getName())
        .startsWith("RunActivity:");
    assertThat(parentOf(trace, first(trace, "docker.build_image")).getName())
        .isEqualTo("RunActivity:Check");
    assertThat(parentOf(trace, first(trace, "docker.deploy")).getName())
        .isEqualTo("RunActivity:Deploy");
    assertThat(MODEL.requests()).isNotEmpty();
  }

  /** The deployed service, its network and the run's images, as the saga's compensation does. */
  private void removeWhatTheRunLeft(String runId) {
    new DeployActivitiesImpl(
            sandbox.docker(),
            instance,
            runs.stores().bundles(),
            runs.stores().journal(),
            sandbox.baseImage())
        .removeRunResources(runId);
  }

  private static SpanData only(String runId, String name) {
    List<SpanData> found =
        SPANS.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals(name) && runId.equals(s.getAttributes().get(RUN_ID)))
            .toList();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  /** The trace's spans once {@code last} has ended (the workflow's span ends after its journal). */
  private static List<SpanData> inTraceOnceEnded(String traceId, String last) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      List<SpanData> trace =
          SPANS.getFinishedSpanItems().stream()
              .filter(span -> span.getTraceId().equals(traceId))
              .toList();
      if (trace.stream().anyMatch(s -> s.getName().equals(last)) || System.nanoTime() > deadline) {
        return trace;
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return trace;
      }
    }
  }

  private static SpanData first(List<SpanData> trace, String name) {
    return trace.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
  }

  private static SpanData parentOf(List<SpanData> trace, SpanData child) {
    Map<String, SpanData> byId =
        trace.stream().collect(Collectors.toMap(SpanData::getSpanId, s -> s, (a, b) -> a));
    SpanData parent = byId.get(child.getParentSpanId());
    assertThat(parent).as("the parent of " + child.getName()).isNotNull();
    return parent;
  }
}
