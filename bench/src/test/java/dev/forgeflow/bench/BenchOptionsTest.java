package dev.forgeflow.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchOptionsTest {
  private static final Path NO_LOCAL_CLI = Path.of("/nonexistent/temporal");

  @Test
  void byDefaultThePipelineRunsOnBothTemporalsAtFiveHundredMilliseconds() {
    BenchOptions options = BenchOptions.parse(new String[0], Map.of(), NO_LOCAL_CLI);

    assertThat(options.temporal()).containsExactly(Backend.IN_PROCESS, Backend.DEV_SERVER);
    assertThat(options.runs()).isEqualTo(5);
    assertThat(options.warmups()).isEqualTo(8);
    assertThat(options.latency().toMillis()).isEqualTo(500);
    assertThat(options.temporalCli()).isEmpty();
  }

  @Test
  void readsTheTemporalChoice() {
    assertThat(parse("--temporal=in-process").temporal()).containsExactly(Backend.IN_PROCESS);
    assertThat(parse("--temporal=dev-server").temporal()).containsExactly(Backend.DEV_SERVER);
  }

  @Test
  void byDefaultBothBenchmarksRunAndTheConcurrencyOneLaunchesTwoHundredRunsOnTheDevServer() {
    BenchOptions options = BenchOptions.parse(new String[0], Map.of(), NO_LOCAL_CLI);

    assertThat(options.benchmarks()).isEqualTo(EnumSet.allOf(BenchOptions.Benchmark.class));
    assertThat(options.concurrencyTemporal()).containsExactly(Backend.DEV_SERVER);
    assertThat(options.atOnce()).isEqualTo(200);
  }

  @Test
  void readsTheBenchmarkChoiceAndTheConcurrencyOptions() {
    BenchOptions options =
        BenchOptions.parse(
            new String[] {"--benchmark=concurrency", "--concurrency-temporal=both", "--at-once=50"},
            Map.of(),
            NO_LOCAL_CLI);

    assertThat(options.benchmarks()).containsExactly(BenchOptions.Benchmark.CONCURRENCY);
    assertThat(options.concurrencyTemporal())
        .isEqualTo(List.of(Backend.IN_PROCESS, Backend.DEV_SERVER));
    assertThat(options.atOnce()).isEqualTo(50);
    assertThat(parse("--benchmark=pipeline").benchmarks())
        .containsExactly(BenchOptions.Benchmark.PIPELINE);
  }

  @Test
  void theDevServerExecutableComesFromTheOptionThenTheEnvironmentThenLocalMode(@TempDir Path dir)
      throws Exception {
    Path local = Files.createFile(dir.resolve("temporal"));
    local.toFile().setExecutable(true);
    Map<String, String> env = Map.of("FORGEFLOW_TEMPORAL_CLI", "/opt/env/temporal");

    assertThat(
            BenchOptions.parse(new String[] {"--temporal-cli=/opt/arg"}, env, local).temporalCli())
        .isEqualTo("/opt/arg");
    assertThat(BenchOptions.parse(new String[0], env, local).temporalCli())
        .isEqualTo("/opt/env/temporal");
    assertThat(BenchOptions.parse(new String[0], Map.of(), local).temporalCli())
        .isEqualTo(local.toAbsolutePath().toString());
  }

  @Test
  void badArgumentsAreRefusedWithAMessageNamingWhatIsExpected() {
    assertThatThrownBy(() -> parse("--temporal=cloud"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both, in-process or dev-server");
    assertThatThrownBy(() -> parse("--runs=many"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("whole number");
    assertThatThrownBy(() -> parse("--runs=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> parse("--benchmark=sandbox"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("all, pipeline or concurrency");
    assertThatThrownBy(() -> parse("--at-once=0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
    assertThatThrownBy(() -> parse("--in-flight=3"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown options [in-flight]");
  }

  private static BenchOptions parse(String arg) {
    return BenchOptions.parse(new String[] {arg}, Map.of(), NO_LOCAL_CLI);
  }
}
