package dev.forgeflow.sandbox.check;

import com.github.dockerjava.api.DockerClient;
import dev.forgeflow.sandbox.SandboxInstance;
import dev.forgeflow.sandbox.image.HarnessImage;
import dev.forgeflow.workflows.sandbox.CheckFailure;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The checks' attack stage against any running service, one written by hand included: the attack
 * script runs in a locked-down container of the harness image on the host's network, so it reaches
 * the service at the URL the user gives. Nothing of the service runs in that container.
 */
public final class ServiceAttack {

  /** The label that marks a container as an attack of {@code forgeflow attack}. */
  public static final String ROLE_LABEL = "dev.forgeflow.role";

  private static final String HOST_NETWORK = "host";

  private ServiceAttack() {}

  /**
   * What one attack found.
   *
   * @param findings one per violated property, named {@code attack.<class>.<resource>.<check>}
   * @param requests requests sent
   * @param endpoints endpoints they went to
   * @param millis the attack's wall time
   * @param reportJson the attack script's own JSON report
   */
  public record Outcome(
      List<CheckFailure> findings, int requests, int endpoints, long millis, String reportJson) {
    public Outcome {
      findings = List.copyOf(findings);
    }
  }

  /**
   * Attacks the service at {@code url} (http or https) through its {@code /openapi.json}.
   *
   * @param authRequired check that every non-public operation refuses a caller without credentials
   * @param bound the attack's time: the script stops itself 10 s before it and reports
   * @throws IllegalArgumentException if {@code url} is not an http(s) URL with a host
   */
  public static Outcome run(
      DockerClient docker,
      SandboxInstance instance,
      String baseImage,
      ProbeScripts scripts,
      String url,
      boolean authRequired,
      Duration bound) {
    checkUrl(url);
    String harness = HarnessImage.ensure(docker, baseImage);
    CheckLimits limits = CheckLimits.defaults();
    Map<String, String> labels = instance.label(Map.of(ROLE_LABEL, "attack"));
    try (CheckContainer attacker =
        CheckContainer.startIn(
            docker,
            harness,
            labels,
            limits,
            HOST_NETWORK,
            "/tmp",
            "sleep",
            Long.toString(bound.plusMinutes(1).toSeconds()))) {
      ProbeScript.install(attacker, scripts);
      AttackStep.Result attack =
          AttackStep.run(
              attacker, url, bound, authRequired, () -> new ServerLog(""), RouteIndex.empty());
      AttackReport report = attack.report();
      return new Outcome(
          report.failures(), report.requests(), report.endpoints(), attack.millis(), attack.json());
    }
  }

  /**
   * Refuses what is not an http(s) URL with a host.
   *
   * @throws IllegalArgumentException saying what a URL should look like
   */
  public static void checkUrl(String url) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("'" + url + "' is not a URL", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "'" + url + "' is not an http(s) URL with a host, such as http://127.0.0.1:8000");
    }
  }
}
