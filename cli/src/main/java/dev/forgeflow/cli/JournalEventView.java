package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A journal event's type with its parsed payload. */
record JournalEventView(String type, JsonNode payload) {}
