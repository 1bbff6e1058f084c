/** The four agents as Temporal activities, and how they are put together. */
package dev.forgeflow.agents;
