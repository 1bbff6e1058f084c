/** URLs a project's runs are announced to when they end, and the log of every delivery. */
package dev.forgeflow.store.webhooks;
