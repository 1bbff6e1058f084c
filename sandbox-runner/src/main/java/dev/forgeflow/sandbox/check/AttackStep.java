package dev.forgeflow.sandbox.check;

import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Runs the attack script in a container that reaches the service: bounded in requests, and in time
 * twice over (the script stops itself 10 s before the bound so its report arrives; a run past the
 * bound is killed and is a failure of its own).
 */
final class AttackStep {

  static final int MAX_REQUESTS = 3000;

  private AttackStep() {}

  /**
   * @param report the findings, or the one failure of an attack killed at its bound
   * @param millis the attack's wall time
   * @param json the script's report as it printed it, empty when it was killed
   */
  record Result(AttackReport report, long millis, String json) {}

  /**
   * @param log the service's log once the attack is over, to locate findings by traceback
   */
  static Result run(
      CheckContainer attacker,
      String url,
      Duration bound,
      boolean authRequired,
      Supplier<ServerLog> log,
      RouteIndex routes) {
    List<String> command =
        new ArrayList<>(
            List.of(
                "python3",
                "-I",
                ProbeScript.ATTACK,
                "--url",
                url,
                "--seconds",
                Long.toString(Math.max(5, bound.toSeconds() - 10)),
                "--max-requests",
                Integer.toString(MAX_REQUESTS)));
    if (authRequired) {
      command.add("--auth-required");
    }
    long started = System.nanoTime();
    ExecResult result = attacker.run(bound, command.toArray(String[]::new));
    long millis = (System.nanoTime() - started) / 1_000_000;
    if (result.timedOut()) {
      CheckFailure late =
          new CheckFailure("attack", null, 0, CheckRun.stepFailed("the attack", result, bound));
      return new Result(new AttackReport(List.of(late), 0, 0), millis, "");
    }
    return new Result(
        AttackReport.parse(result.stdout(), log.get(), routes), millis, result.stdout());
  }
}
