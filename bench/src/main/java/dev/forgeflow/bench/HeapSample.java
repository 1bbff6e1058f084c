package dev.forgeflow.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Instant;

/**
 * The heap this JVM uses after a full garbage collection ({@code MemoryMXBean.gc()}, then the heap
 * usage's {@code used}), and when the collection started and the reading ended.
 */
record HeapSample(Instant from, Instant to, long usedBytes) {

  static HeapSample take() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    Instant from = Instant.now();
    memory.gc();
    long used = memory.getHeapMemoryUsage().getUsed();
    return new HeapSample(from, Instant.now(), used);
  }
}
