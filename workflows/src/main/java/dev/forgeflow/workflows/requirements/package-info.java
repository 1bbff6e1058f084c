/** The Requirements agent's contract: prompt in, stored {@code ProjectCharter} out. */
package dev.forgeflow.workflows.requirements;
