package dev.forgeflow.cli;

import dev.forgeflow.agents.llm.LlmSettings;
import dev.forgeflow.orchestrator.runs.Launch;
import dev.forgeflow.orchestrator.runs.RunRequest;
import dev.forgeflow.orchestrator.runs.RunRequestCheck;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.workflows.artifacts.AgentModels;
import dev.forgeflow.workflows.pipeline.ApprovalTimeoutAction;
import dev.forgeflow.workflows.pipeline.PipelineOptions;
import dev.forgeflow.workflows.pipeline.SandboxMode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin OutOption output;

  @Override
  public Integer call() {
    PrintStream console = System.out;
    RunRequest request = new RunRequest(prompt, options());
    Optional<String> problem = RunRequestCheck.problem(request);
    if (problem.isPresent()) {
      throw CliProblem.badInput(sentence(problem.get()));
    }
    LlmSettings.fromEnvironment(System.getenv()); // a malformed FORGEFLOW_LLM_* stops us here
    OutputFolder.check(output.out);
    return StackSession.with(
        console,
        stack -> {
          Launch launch = stack.get(Runs.class).launch(request);
          if (launch instanceof Launch.Refused refused) {
            throw CliProblem.badInput(sentence(refused.reason()));
          }
          return StackSession.follow(
              stack, ((Launch.Started) launch).runId(), 0, output.out, console);
        });
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
