package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuUseTest {

  @Test
  void usedIsAfterMinusBeforePartByPartInTheOrderOfTheLaterSample() {
    Map<String, Long> before = new LinkedHashMap<>();
    before.put(CpuUse.WORKER, 1_000L);
    before.put(CpuUse.POSTGRES, 200L);
    Map<String, Long> after = new LinkedHashMap<>();
    after.put(CpuUse.WORKER, 4_500L);
    after.put(CpuUse.TEMPORAL, 800L);
    after.put(CpuUse.POSTGRES, 260L);

    assertThat(CpuUse.between(before, after))
        .containsExactly(
            Map.entry(CpuUse.WORKER, 3_500L),
            Map.entry(CpuUse.TEMPORAL, 800L),
            Map.entry(CpuUse.POSTGRES, 60L));
  }

  @Test
  void aSampleNamesEveryPartAndReadsThisJvmsOwnTime() {
    Map<String, Long> sample = CpuUse.sample(Path.of("/nonexistent-data-dir"), Long.MAX_VALUE);

    assertThat(sample.keySet())
        .containsExactly(CpuUse.WORKER, CpuUse.TEMPORAL, CpuUse.POSTGRES, CpuUse.MODEL);
    assertThat(sample.get(CpuUse.WORKER)).isPositive();
    assertThat(sample.get(CpuUse.POSTGRES)).isZero();
    assertThat(sample.get(CpuUse.MODEL)).isZero();
  }
}
