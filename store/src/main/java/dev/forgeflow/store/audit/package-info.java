/** The audit trail: who did what, kept append-only and read back by the people it concerns. */
package dev.forgeflow.store.audit;
