package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.config.ForgeflowProperties;
import dev.forgeflow.orchestrator.config.ModelChoice;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.export.ProjectExport;
import dev.forgeflow.orchestrator.runs.Runs;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.function.ToIntFunction;

/**
 * What {@code run} and {@code resume} share: boot the local stack with its workers (which also
 * picks up every interrupted run of the data dir), say what it runs on, follow one run to its end
 * with Ctrl-C cancelling it, and close the stack.
 */
final class StackSession {
  private StackSession() {}

  /** Boots the stack, runs {@code body} with it and closes it; {@code body}'s exit code. */
  static int with(PrintStream console, ToIntFunction<LocalStack> body) {
    DataDir dataDir = DataDir.lock(DataDir.location());
    LocalStack.announceStart(dataDir, console, "the local stack (embedded PostgreSQL, Temporal)");
    LocalStack stack = LocalStack.boot(dataDir, console);
    try {
      console.println("forgeflow · planner: " + stack.get(ModelChoice.class).describe());
      console.println("forgeflow · sandbox: " + stack.get(SandboxChoice.class).describe());
      console.println("forgeflow · temporal: " + stack.get(TemporalChoice.class).describe());
      return body.applyAsInt(stack);
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

  /**
   * Follows {@code runId} to its end and writes its project under {@code out}. Events up to {@code
   * history} already happened: they are shown, and a question they left open is asked again.
   */
  static int follow(LocalStack stack, String runId, long history, Path out, PrintStream console) {
    RunPort runs = new LocalRunPort(stack.get(Runs.class), stack.get(ProjectExport.class));
    console.println("forgeflow · run " + runId);
    stack
        .get(TemporalChoice.class)
        .runPage(stack.get(ForgeflowProperties.class).temporalNamespace(), runId)
        .ifPresent(page -> console.println("forgeflow · Temporal Web: " + page));
    BufferedReader input =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    RunFollower follower = new RunFollower(runs, new Terminal(console, input), out);
    CancelOnInterrupt.install(stack, runs, runId, follower, console);
    return follower.follow(runId, history);
  }
}
