/**
 * The HTTP gateway: who the caller is (API token or session cookie, CSRF checked), problem bodies,
 * and a run's journal as Server-Sent Events for its owner.
 */
package dev.forgeflow.gateway;
