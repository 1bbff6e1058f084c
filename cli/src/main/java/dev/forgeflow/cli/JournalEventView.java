package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;

/** A journal event's type (a catalogue {@code TYPE}) with its parsed payload. */
record JournalEventView(String type, JsonNode payload) {}
