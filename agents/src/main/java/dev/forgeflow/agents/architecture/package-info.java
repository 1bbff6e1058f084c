/** The Architecture agent: charter in, {@code SystemArchitecture} with its file plan out. */
package dev.forgeflow.agents.architecture;
