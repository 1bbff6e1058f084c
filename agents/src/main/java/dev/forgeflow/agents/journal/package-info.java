/** The journal activities the workflow calls to record events, status and the run's end. */
package dev.forgeflow.agents.journal;
