/**
 * The run's journal as the code sees it: {@link dev.forgeflow.workflows.journal.Fact}, the one
 * catalogue of event types and payloads that every writer and reader uses, the fact keys that make
 * appends idempotent, and the activities through which workflow code journals.
 */
package dev.forgeflow.workflows.journal;
