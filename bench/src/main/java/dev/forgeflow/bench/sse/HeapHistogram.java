package dev.forgeflow.bench.sse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live objects of a JVM's heap, by class, as {@code jcmd <pid> GC.class_histogram} prints them
 * after the full collection it starts: {@code totalBytes} is what is live, nothing else.
 */
record HeapHistogram(long totalBytes, Map<String, Long> bytesByClass) {

  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");
  private static final Pattern TOTAL = Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)\\s*$");

  /** A class whose live bytes grew, and by how much. */
  record Growth(String className, long bytes) {}

  /**
   * The live heap of the JVM with this process id, from the JDK's {@code jcmd}.
   *
   * @throws IllegalStateException if jcmd fails
   */
  static HeapHistogram of(long pid) throws IOException, InterruptedException {
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process histogram =
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(histogram.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!histogram.waitFor(60, TimeUnit.SECONDS) || histogram.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " GC.class_histogram failed: " + out);
    }
    return parse(out);
  }

  /**
   * Parses jcmd's output.
   *
   * @throws IllegalArgumentException if it has no {@code Total} line
   */
  static HeapHistogram parse(String jcmdOutput) {
    Map<String, Long> byClass = new HashMap<>();
    Long total = null;
    for (String line : jcmdOutput.split("\\R")) {
      Matcher row = ROW.matcher(line);
      Matcher sum = TOTAL.matcher(line);
      if (row.find()) {
        byClass.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
      } else if (sum.find()) {
        total = Long.parseLong(sum.group(2));
      }
    }
    if (total == null) {
      String start = jcmdOutput.substring(0, Math.min(200, jcmdOutput.length()));
      throw new IllegalArgumentException("not a class histogram: " + start);
    }
    return new HeapHistogram(total, Map.copyOf(byClass));
  }

  /** The {@code n} classes whose live bytes grew most since {@code before}. */
  List<Growth> mostGrownSince(HeapHistogram before, int n) {
    return bytesByClass.entrySet().stream()
        .map(
            e ->
                new Growth(
                    e.getKey(), e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L)))
        .sorted(Comparator.comparingLong(Growth::bytes).reversed())
        .limit(n)
        .toList();
  }
}
