/** Every FORGEFLOW_* setting bound, checked at start-up, and refused in one line when wrong. */
package dev.forgeflow.orchestrator.settings;
