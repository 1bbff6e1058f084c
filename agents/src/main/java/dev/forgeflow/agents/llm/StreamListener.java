package dev.forgeflow.agents.llm;

/** Receives a streamed reply's content as it arrives, in order. */
@FunctionalInterface
public interface StreamListener {
  /** Ignores every delta. */
  StreamListener NONE = text -> {};

  /** Called once per content delta, on the calling thread, in the order received. */
  void onDelta(String text);
}
