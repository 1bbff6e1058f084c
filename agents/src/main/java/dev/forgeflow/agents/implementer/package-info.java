/** The Implementer agent: one planned file at a time, and versioned bundles of them. */
package dev.forgeflow.agents.implementer;
