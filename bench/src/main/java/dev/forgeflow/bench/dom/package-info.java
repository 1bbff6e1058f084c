/** The time from a journal append to the event's line in the web UI's DOM, in Chromium. */
package dev.forgeflow.bench.dom;
