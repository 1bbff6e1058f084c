/** The Requirements agent: prompt in, {@code ProjectCharter} out. */
package dev.forgeflow.agents.requirements;
