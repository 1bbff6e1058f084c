package dev.forgeflow.cli;

import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.LocalAccount;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Forgeflow server a command talks to, over HTTP with a personal API token:
 *
 * <ol>
 *   <li>{@code FORGEFLOW_URL}, with {@code FORGEFLOW_TOKEN} or the token {@code forgeflow login}
 *       saved for that URL;
 *   <li>else the {@code forgeflow serve} running on this data directory, with the local token;
 *   <li>else a server started in this process on a free loopback port (local mode), stopped when
 *       the command ends.
 * </ol>
 */
final class ServerTarget implements AutoCloseable {

  final ApiClient api;
  private final LocalStack stack;

  private ServerTarget(ApiClient api, LocalStack stack) {
    this.api = api;
    this.stack = stack;
  }

  /** The server to use, starting one here when there is none. */
  static ServerTarget connect(PrintStream console) {
    return find(console, true).orElseThrow();
  }

  /** The server to use; empty when there is none and {@code start} is false. */
  static Optional<ServerTarget> find(PrintStream console, boolean start) {
    Map<String, String> env = System.getenv();
    String url = env.get("FORGEFLOW_URL");
    if (url != null && !url.isBlank()) {
      URI base = Credentials.normalise(url);
      String token = env.get("FORGEFLOW_TOKEN");
      if (token == null || token.isBlank()) {
        token =
            Credentials.load()
                .tokenFor(base)
                .orElseThrow(
                    () ->
                        CliProblem.environment(
                            "No API token for "
                                + base
                                + ": sign in with 'forgeflow login', or set FORGEFLOW_TOKEN."));
      }
      return Optional.of(new ServerTarget(new ApiClient(base, token.strip()), null));
    }
    Path dataDir = DataDir.location();
    Optional<URI> running = ServerFile.running(dataDir);
    if (running.isPresent()) {
      String token = localToken(dataDir);
      console.println("forgeflow · using the server at " + running.get());
      return Optional.of(new ServerTarget(new ApiClient(running.get(), token), null));
    }
    if (!start) {
      return Optional.empty();
    }
    return Optional.of(startLocal(console));
  }

  private static ServerTarget startLocal(PrintStream console) {
    DataDir dataDir = DataDir.lock(DataDir.location());
    LocalStack.announceStart(dataDir, console, "the local stack (embedded PostgreSQL, Temporal)");
    LocalStack stack = LocalStack.boot(dataDir, console, new LocalStack.Listen("127.0.0.1", 0));
    try {
      LocalAccount local = LocalAccount.ensure(dataDir.path(), stack.get(Stores.class).accounts());
      URI base = URI.create("http://127.0.0.1:" + stack.port());
      return new ServerTarget(new ApiClient(base, local.token()), stack);
    } catch (RuntimeException failed) {
      stack.close();
      throw failed;
    }
  }

  private static String localToken(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve(LocalAccount.TOKEN_FILE), StandardCharsets.UTF_8)
          .strip();
    } catch (IOException e) {
      throw CliProblem.environment(
          "The local server's API token ("
              + dataDir.resolve(LocalAccount.TOKEN_FILE)
              + ") cannot be read: "
              + e.getMessage());
    }
  }

  /** Registers what to do, with the server still up, when the process is interrupted. */
  void onInterrupt(Runnable action) {
    if (stack != null) {
      stack.onInterrupt(action);
    } else {
      Runtime.getRuntime().addShutdownHook(new Thread(action, "forgeflow-interrupt"));
    }
  }

  /** Whether the process is being interrupted (only known for a server started here). */
  boolean stopping() {
    return stack != null && stack.stopping();
  }

  /** Runs {@code body} with the stack this target started, if it started one. */
  void withStack(Consumer<LocalStack> body) {
    if (stack != null) {
      body.accept(stack);
    }
  }

  @Override
  public void close() {
    if (stack != null && !stack.stopping()) {
      stack.close();
    }
  }
}
