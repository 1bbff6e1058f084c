/** The Reviewer agent's contract and the verdicts the pipeline acts on. */
package dev.forgeflow.workflows.review;
