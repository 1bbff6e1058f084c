/** The Reviewer agent: a bundle in, a review merged with the deterministic validators out. */
package dev.forgeflow.agents.review;
