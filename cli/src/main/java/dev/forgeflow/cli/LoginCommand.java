package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code forgeflow login [URL]}: signs in to a server with a username and password (or takes an API
 * token from standard input), creates a personal API token for this CLI and saves it for that URL,
 * readable by you only. Commands then use it with {@code FORGEFLOW_URL=URL}.
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Sign in to a Forgeflow server and save an API token for it.",
      "Then set FORGEFLOW_URL to use that server from every command."
    })
final class LoginCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "URL",
      description = "The server (default: FORGEFLOW_URL).")
  String url;

  @Option(names = "--username", description = "Your username or email (asked if missing).")
  String username;

  @Option(
      names = "--token-stdin",
      description = "Read an existing API token from standard input instead of signing in.")
  boolean tokenStdin;

  @Override
  public Integer call() throws IOException, InterruptedException {
    String given = url != null ? url : System.getenv("FORGEFLOW_URL");
    if (given == null || given.isBlank()) {
      throw CliProblem.badInput("Name the server: forgeflow login http://HOST:PORT.");
    }
    URI server = Credentials.normalise(given);
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String token;
    if (tokenStdin) {
      String line = stdin.readLine();
      if (line == null || line.isBlank()) {
        throw CliProblem.badInput("No token on standard input.");
      }
      token = line.strip();
    } else {
      token = signIn(server, stdin);
    }
    try {
      JsonNode me = new ApiClient(server, token).get("/api/me");
      Credentials credentials = Credentials.load();
      credentials.save(server, token);
      System.out.println(
          "signed in to "
              + server
              + " as "
              + TerminalText.clean(me.path("username").asText())
              + "; token saved in "
              + credentials.file());
      System.out.println("use it with: export FORGEFLOW_URL=" + server);
      return 0;
    } catch (ApiProblem refused) {
      throw refused.forCli();
    }
  }

  /** Signs in as a browser would (CSRF token, session cookie), then creates an API token. */
  private String signIn(URI server, BufferedReader stdin) throws IOException, InterruptedException {
    Console console = System.console();
    String login = username;
    if (login == null) {
      System.out.print("username: ");
      System.out.flush();
      login = stdin.readLine();
    }
    String password;
    if (console != null) {
      char[] typed = console.readPassword("password: ");
      password = typed == null ? null : new String(typed);
    } else {
      System.out.print("password: ");
      System.out.flush();
      password = stdin.readLine();
    }
    if (login == null || login.isBlank() || password == null || password.isEmpty()) {
      throw CliProblem.badInput("A username and a password are needed to sign in.");
    }
    CookieManager cookies = new CookieManager();
    HttpClient http =
        HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(TIMEOUT).build();
    try {
      send(http, server, "GET", "/api/auth/csrf", null, null);
      send(
          http,
          server,
          "POST",
          "/api/auth/sign-in",
          Map.of("login", login.strip(), "password", password),
          xsrf(cookies, server));
      JsonNode issued =
          send(
              http,
              server,
              "POST",
              "/api/tokens",
              Map.of("name", "forgeflow CLI on " + hostName()),
              xsrf(cookies, server));
      return issued.path("token").asText();
    } catch (java.net.ConnectException unreachable) {
      throw CliProblem.environment("The server at " + server + " does not answer.");
    }
  }

  private static String xsrf(CookieManager cookies, URI server) {
    for (HttpCookie cookie : cookies.getCookieStore().get(server)) {
      if (cookie.getName().equals("XSRF-TOKEN")) {
        return cookie.getValue();
      }
    }
    throw CliProblem.environment("The server at " + server + " gave no CSRF token.");
  }

  private static JsonNode send(
      HttpClient http, URI server, String method, String path, Object body, String xsrf)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(TIMEOUT);
    if (xsrf != null) {
      request.header("X-XSRF-TOKEN", xsrf);
    }
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() == 401 && path.equals("/api/auth/sign-in")) {
      throw CliProblem.badInput("The server refused the sign-in: wrong username or password.");
    }
    if (response.statusCode() / 100 != 2) {
      throw ApiProblem.of(response.statusCode(), response.body()).forCli();
    }
    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
  }

  private static String hostName() {
    String host = System.getenv("HOSTNAME");
    return host == null || host.isBlank() ? "this machine" : host;
  }
}
