package dev.forgeflow.orchestrator.config;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How much the pipeline worker takes on at once; each can be given as an environment variable
 * ({@code FORGEFLOW_WORKER_MAX_CONCURRENT_ACTIVITIES}, …). A model call holds its activity slot
 * (and a thread) for the whole call, so the activity bound is what limits how many runs can wait on
 * the model at once: a run's Implementer stage has up to its concurrency of calls in flight.
 * Threads are made on demand and let go when idle, so a high bound costs nothing while the worker
 * is quiet.
 *
 * @param maxConcurrentActivities activities (model calls, store work) run at once
 * @param maxConcurrentWorkflowTasks workflow tasks run at once
 * @param maxConcurrentLocalActivities local activities (the workflow's journal writes) run at once
 * @param workflowCacheSize workflows kept in memory between their tasks; a run not in the cache is
 *     replayed from its history on its next task
 * @param maxWorkflowThreads threads for cached workflows (one each while the pipeline runs)
 * @param workflowPollers concurrent polls for workflow tasks. While more tasks of running workflows
 *     wait than there are pollers, the SDK polls for those only, so a new run's first task waits:
 *     under load this bounds how many runs get under way
 * @param activityPollers concurrent polls for activity tasks
 */
@Validated
@ConfigurationProperties(prefix = "forgeflow.worker")
public record WorkerProperties(
    @DefaultValue("1200") @Min(value = 1, message = Forms.LESS_THAN_1) @Expected(Forms.AT_LEAST_1)
        int maxConcurrentActivities,
    @DefaultValue("200") @Min(value = 2, message = Forms.LESS_THAN_2) @Expected(Forms.AT_LEAST_2)
        int maxConcurrentWorkflowTasks,
    @DefaultValue("200") @Min(value = 1, message = Forms.LESS_THAN_1) @Expected(Forms.AT_LEAST_1)
        int maxConcurrentLocalActivities,
    @DefaultValue("600") @Min(value = 1, message = Forms.LESS_THAN_1) @Expected(Forms.AT_LEAST_1)
        int workflowCacheSize,
    @DefaultValue("600") @Min(value = 1, message = Forms.LESS_THAN_1) @Expected(Forms.AT_LEAST_1)
        int maxWorkflowThreads,
    @DefaultValue("50") @Min(value = 2, message = Forms.LESS_THAN_2) @Expected(Forms.AT_LEAST_2)
        int workflowPollers,
    @DefaultValue("5") @Min(value = 1, message = Forms.LESS_THAN_1) @Expected(Forms.AT_LEAST_1)
        int activityPollers) {}
