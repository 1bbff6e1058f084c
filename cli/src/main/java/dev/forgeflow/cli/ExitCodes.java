package dev.forgeflow.cli;

/** What {@code forgeflow} exits with. */
final class ExitCodes {
  static final int APPROVED = 0;
  static final int NOT_APPROVED = 1;

  /** What was asked about is not there (no deployment of that project). */
  static final int NOT_FOUND = 1;

  static final int BAD_INPUT = 2;
  static final int FAILED = 3;

  /** The machine is in the way: a data dir in use, no permission, no Docker daemon answering. */
  static final int ENVIRONMENT = 4;

  static final int CANCELLED = 130;

  private ExitCodes() {}
}
