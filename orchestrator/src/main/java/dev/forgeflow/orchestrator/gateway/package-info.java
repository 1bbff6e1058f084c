/** The gateway role: the api-gateway's routes over this server's stores and workflows. */
package dev.forgeflow.orchestrator.gateway;
