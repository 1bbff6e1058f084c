/**
 * A run's journal as a live stream: replay from a sequence number, then new events, then the end.
 */
package dev.forgeflow.store.feed;
