package dev.forgeflow.sandbox.check;

/**
 * What a command run in the check container did.
 *
 * @param exitCode its exit code; -1 when it was still running when its time ran out
 * @param timedOut true when it was killed for running past its time
 */
record ExecResult(int exitCode, String stdout, String stderr, boolean timedOut) {

  boolean succeeded() {
    return exitCode == 0 && !timedOut;
  }

  /** Both streams, stderr last, for messages and tracebacks. */
  String output() {
    return stderr.isEmpty() ? stdout : stdout + "\n" + stderr;
  }
}
