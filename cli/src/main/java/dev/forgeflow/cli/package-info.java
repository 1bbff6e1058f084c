/** The {@code forgeflow} command: runs pipelines and follows them in the terminal. */
package dev.forgeflow.cli;
