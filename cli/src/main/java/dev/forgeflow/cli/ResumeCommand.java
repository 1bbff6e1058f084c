package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.store.RunRecord;
import java.io.PrintStream;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code forgeflow resume <run>}: starts the workers, which continue every interrupted run of the
 * data dir from where its workflow history says it was, and follows one of them to its end.
 */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Continue an interrupted run where it stopped and follow it to its end.")
final class ResumeCommand implements Callable<Integer> {

  @Parameters(index = "0", paramLabel = "RUN", description = "The run's id (see 'forgeflow runs').")
  String runId;

  @Mixin OutOption output;

  @Override
  public Integer call() {
    PrintStream console = System.out;
    String id = runId.strip();
    try {
      id = UUID.fromString(id).toString();
    } catch (IllegalArgumentException notAnId) {
      throw CliProblem.badInput(
          "'"
              + TerminalText.clean(runId)
              + "' is not a run id; 'forgeflow runs' lists the runs and their ids.");
    }
    OutputFolder.check(output.out);
    String run = id;
    return StackSession.with(console, stack -> resume(stack, run, console));
  }

  private int resume(LocalStack stack, String id, PrintStream console) {
    Runs runs = stack.get(Runs.class);
    RunRecord run =
        runs.find(id)
            .orElseThrow(
                () ->
                    CliProblem.badInput(
                        "There is no run "
                            + id
                            + " in "
                            + DataDir.location()
                            + "; 'forgeflow runs' lists the runs there."));
    boolean ended =
        run.status().equals("SUCCEEDED")
            || run.status().equals("FAILED")
            || run.status().equals("CANCELLED");
    if (!ended && !runs.workflowKnown(id)) {
      String reason =
          "its workflow history is gone (it ran on the in-process Temporal service, which keeps"
              + " nothing after a restart), so it cannot continue; start it again with"
              + " 'forgeflow run'";
      runs.abandon(id, reason);
      console.println("✗ run " + id + " cannot be resumed: " + reason);
      return ExitCodes.FAILED;
    }
    console.println(
        ended
            ? "forgeflow · run "
                + id
                + " has already ended ("
                + run.status().toLowerCase(Locale.ROOT)
                + "); showing it"
            : "forgeflow · resuming run " + id + " from where it stopped");
    return StackSession.follow(stack, id, Long.MAX_VALUE, output.out, console);
  }
}
