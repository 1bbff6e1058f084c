package dev.forgeflow.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The web UI on the API's origin: its client-side routes answer with its page, its hashed assets
 * are cached for good, and everything of it carries the UI's Content-Security-Policy; the API's own
 * answers are untouched, and an unknown API path is still a problem, never the page.
 */
class WebUiIT {

  @TempDir static Path dataDir;
  private static RunningGateway gateway;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    gateway = RunningGateway.start(dataDir);
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(gateway.base + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"/", "/sign-in", "/sign-up", "/tokens", "/projects/p1", "/runs/r1/code?v=2"})
  void everyRouteOfTheUiIsItsPageUnderItsPolicy(String path) throws Exception {
    HttpResponse<String> page = get(path);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    assertThat(page.body()).contains("<div id=\"root\"></div>").contains("/assets/index-");
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .hasValue(WebUi.CSP)
        .get()
        .asString()
        .contains("script-src 'self'")
        .doesNotContain("unsafe-eval");
  }

  @Test
  void hashedAssetsAreCachedForGood() throws Exception {
    Matcher script = Pattern.compile("/assets/index-[^\"]+\\.js").matcher(get("/").body());
    assertThat(script.find()).isTrue();

    HttpResponse<String> asset = get(script.group());

    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Cache-Control").orElseThrow())
        .contains("max-age=31536000")
        .contains("immutable");
    assertThat(asset.headers().firstValue("Content-Security-Policy")).hasValue(WebUi.CSP);
  }

  @Test
  void theApiIsUntouchedAndAnUnknownApiPathIsAProblemNotThePage() throws Exception {
    HttpResponse<String> unknown = get("/api/runs-nothing-here");
    HttpResponse<String> me = get("/api/me");

    // refused before any route (no credentials), as a problem: never the UI's page
    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(unknown.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(unknown.body()).doesNotContain("<div id=\"root\">");
    assertThat(me.statusCode()).isEqualTo(401);
    assertThat(me.headers().firstValue("Content-Security-Policy")).isEmpty();
  }
}
