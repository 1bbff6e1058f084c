package dev.forgeflow.bench.sse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * What every subscriber of a level received, checked against what was appended to its run, and
 * turned into latencies. A subscriber must receive exactly its run's appended events, each once, in
 * journal order: anything else fails the benchmark rather than being left out of the figures.
 */
final class Deliveries {

  /** How many problems a failure names; the rest are counted. */
  private static final int SHOWN = 5;

  /** Subscriber {@code index} followed run {@code runId}; {@code receipts} is what it got. */
  record Subscriber(int index, String runId, Receipts receipts) {}

  private Deliveries() {}

  /**
   * Checks every subscriber against its run's appends.
   *
   * @throws IllegalStateException naming the first subscribers whose stream was not exact
   */
  static void verify(List<Subscriber> subscribers, Map<String, List<Append>> appended) {
    List<String> problems = new ArrayList<>();
    for (Subscriber s : subscribers) {
      problem(s, appended.getOrDefault(s.runId(), List.of())).ifPresent(problems::add);
    }
    if (!problems.isEmpty()) {
      String shown = String.join("\n  ", problems.subList(0, Math.min(SHOWN, problems.size())));
      throw new IllegalStateException(
          problems.size()
              + " of "
              + subscribers.size()
              + " subscribers did not receive every event exactly once and in order:\n  "
              + shown
              + (problems.size() > SHOWN ? "\n  ..." : ""));
    }
  }

  /** Why this subscriber's stream is not exactly {@code appended}, if it is not. */
  static Optional<String> problem(Subscriber subscriber, List<Append> appended) {
    long[] got = subscriber.receipts().seqs();
    long[] want = appended.stream().mapToLong(Append::seq).toArray();
    if (Arrays.equals(got, want)) {
      return Optional.empty();
    }
    Set<Long> wanted = Arrays.stream(want).boxed().collect(Collectors.toSet());
    Set<Long> seen = new HashSet<>();
    List<Long> twice = new ArrayList<>();
    List<Long> stray = new ArrayList<>();
    for (long seq : got) {
      if (!seen.add(seq)) {
        twice.add(seq);
      } else if (!wanted.contains(seq)) {
        stray.add(seq);
      }
    }
    List<Long> missing = Arrays.stream(want).filter(seq -> !seen.contains(seq)).boxed().toList();
    StringBuilder why =
        new StringBuilder(
            String.format(
                "subscriber %d (run %s) received %d events, %d were appended",
                subscriber.index(), subscriber.runId(), got.length, want.length));
    note(why, "missing", missing);
    note(why, "received more than once", twice);
    note(why, "never appended", stray);
    firstOutOfOrder(got).ifPresent(i -> why.append("; out of order at #").append(i + 1));
    Optional.ofNullable(subscriber.receipts().ended()).ifPresent(e -> why.append("; ").append(e));
    subscriber.receipts().notes().forEach(n -> why.append("; said '").append(n).append('\''));
    return Optional.of(why.toString());
  }

  /**
   * Receipt time − the append's time ({@code from}: its start or its end), in ms, of every event
   * every subscriber received: one value per delivery.
   */
  static List<Double> latenciesMillis(
      List<Subscriber> subscribers,
      Map<String, List<Append>> appended,
      ToLongFunction<Append> from) {
    Map<String, Map<Long, Long>> startBySeq = new HashMap<>();
    appended.forEach(
        (run, appends) ->
            startBySeq.put(
                run, appends.stream().collect(Collectors.toMap(Append::seq, from::applyAsLong))));
    List<Double> millis = new ArrayList<>();
    for (Subscriber s : subscribers) {
      Map<Long, Long> starts = startBySeq.getOrDefault(s.runId(), Map.of());
      long[] seqs = s.receipts().seqs();
      long[] nanos = s.receipts().nanos();
      for (int i = 0; i < seqs.length; i++) {
        Long start = starts.get(seqs[i]);
        if (start != null) {
          millis.add((nanos[i] - start) / 1e6);
        }
      }
    }
    return millis;
  }

  private static Optional<Integer> firstOutOfOrder(long[] seqs) {
    for (int i = 1; i < seqs.length; i++) {
      if (seqs[i] <= seqs[i - 1]) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static void note(StringBuilder why, String what, List<Long> seqs) {
    if (!seqs.isEmpty()) {
      List<Long> shown = seqs.subList(0, Math.min(10, seqs.size()));
      why.append("; ").append(what).append(' ').append(shown);
      if (seqs.size() > shown.size()) {
        why.append(" and ").append(seqs.size() - shown.size()).append(" more");
      }
    }
  }
}
