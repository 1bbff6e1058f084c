/** Settings and the wiring of stores, Temporal, agents and model, each in one configuration. */
package dev.forgeflow.orchestrator.config;
