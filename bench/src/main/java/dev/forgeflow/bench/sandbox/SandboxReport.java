package dev.forgeflow.bench.sandbox;

import dev.forgeflow.bench.Stats;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** Prints the sandbox benchmark's rounds and their medians, minima and maxima. */
final class SandboxReport {

  private final PrintStream out;

  SandboxReport(PrintStream out) {
    this.out = out;
  }

  void print(SandboxOptions options, ProjectFiles project, List<Round> rounds) {
    out.printf(
        Locale.ROOT,
        "%nbase image %s; project %s, %d files; %d rounds after %d warm-up; load average %.2f%n",
        options.baseImage(),
        project.name(),
        project.files().size(),
        rounds.size(),
        options.warmups(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    out.println(
        "round  bare run  bare cli    import    deploy  deploy/bare  deploy/import     build"
            + "  build/bare  redeploy  longest gap  failed");
    for (int i = 0; i < rounds.size(); i++) {
      Round r = rounds.get(i);
      out.printf(
          Locale.ROOT,
          "%-5d  %8.0f  %8.0f  %8.0f  %8.0f  %11.2f  %13.2f  %8.0f  %10.2f  %8.0f  %11.0f  %6d%n",
          i + 1,
          r.bareRun(),
          r.bareCli(),
          r.importRun(),
          r.deploy(),
          r.deployRatio(),
          r.deployImportRatio(),
          r.build(),
          r.buildRatio(),
          r.redeploy(),
          r.longestGap(),
          r.failedRequests());
    }
    out.printf("Over %d rounds (ms unless a ratio):%n", rounds.size());
    line("bare run, Docker API (the 1.00)", rounds, Round::bareRun, "%.0f");
    line("bare run, docker CLI", rounds, Round::bareCli, "%.0f");
    line("import app.main, project image", rounds, Round::importRun, "%.0f");
    line("deploy to healthy", rounds, Round::deploy, "%.0f");
    line("image build, warm base", rounds, Round::build, "%.0f");
    line("deploy / bare run", rounds, Round::deployRatio, "%.2f");
    line("deploy / import app.main", rounds, Round::deployImportRatio, "%.2f");
    line("build / bare run", rounds, Round::buildRatio, "%.2f");
    line("blue/green redeploy", rounds, Round::redeploy, "%.0f");
    line("longest gap between answers", rounds, Round::longestGap, "%.0f");
    line("failed requests in redeploy", rounds, r -> r.failedRequests(), "%.0f");
  }

  private void line(String name, List<Round> rounds, ToDoubleFunction<Round> value, String number) {
    spread(out, name, rounds.stream().map(value::applyAsDouble).toList(), number);
  }

  /** One figure over the rounds: its median, minimum and maximum, each in {@code number}. */
  static void spread(PrintStream out, String name, List<Double> values, String number) {
    Stats spread = Stats.of(values);
    out.printf(
        Locale.ROOT,
        "  %-32s median " + number + "  min " + number + "  max " + number + "%n",
        name,
        spread.median(),
        spread.min(),
        spread.max());
  }
}
