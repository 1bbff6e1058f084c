/** The HTTP gateway: a run's journal as Server-Sent Events, for the owner of a personal token. */
package dev.forgeflow.gateway;
