/** The Architecture agent's contract: charter in, stored {@code SystemArchitecture} out. */
package dev.forgeflow.workflows.architecture;
