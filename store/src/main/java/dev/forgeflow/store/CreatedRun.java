package dev.forgeflow.store;

/**
 * The run a create request stands for.
 *
 * @param created false when the request repeated an earlier one (same owner, idempotency key and
 *     request): {@code run} is the run that one created
 */
public record CreatedRun(RunRecord run, boolean created) {}
