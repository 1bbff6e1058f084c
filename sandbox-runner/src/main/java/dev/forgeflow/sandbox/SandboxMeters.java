package dev.forgeflow.sandbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The sandbox's timers: how long building a project image ({@value #BUILD}), checking a bundle
 * ({@value #CHECK}) and deploying it ({@value #DEPLOY}) took, each tagged with its {@code outcome}.
 * A step that throws is timed with outcome {@code error}.
 */
public final class SandboxMeters {

  public static final String BUILD = "forgeflow.sandbox.build";
  public static final String CHECK = "forgeflow.sandbox.check";
  public static final String DEPLOY = "forgeflow.sandbox.deploy";

  private final MeterRegistry registry;

  /** Meters recorded into {@code registry}. */
  public SandboxMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that record nothing (a registry with no backend). */
  public static SandboxMeters none() {
    return new SandboxMeters(new CompositeMeterRegistry());
  }

  /**
   * Runs {@code step}, and records its duration under {@code name} with the outcome {@code outcome}
   * names for its result, or {@code error} if it threw.
   */
  public <T> T time(String name, Supplier<T> step, Function<T, String> outcome) {
    Timer.Sample sample = Timer.start(registry);
    String named = "error";
    try {
      T result = step.get();
      named = outcome.apply(result);
      return result;
    } finally {
      sample.stop(
          Timer.builder(name)
              .description("How long a sandbox step took, by outcome")
              .tag("outcome", named)
              .register(registry));
    }
  }
}
