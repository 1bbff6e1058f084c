/** What the agents share: JSON, prompt templates, journaling from activities, drafts. */
package dev.forgeflow.agents.support;
