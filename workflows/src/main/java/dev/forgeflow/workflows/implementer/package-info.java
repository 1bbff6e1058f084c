/** The Implementer agent's contract: one activity per planned file, and bundle assembly. */
package dev.forgeflow.workflows.implementer;
