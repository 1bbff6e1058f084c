package dev.forgeflow.agents.llm;

import dev.forgeflow.store.ReplyKey;

/**
 * A model call made inside an activity: its key in the ledger and the attempt making it.
 *
 * @param attempt the activity's attempt (1 for the first)
 */
record ActivityCall(ReplyKey key, int attempt) {}
