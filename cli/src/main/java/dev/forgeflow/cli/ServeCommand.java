package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.config.ForgeflowProperties;
import dev.forgeflow.orchestrator.config.ModelChoice;
import dev.forgeflow.orchestrator.config.SandboxChoice;
import dev.forgeflow.orchestrator.settings.SettingsCheck;
import dev.forgeflow.orchestrator.temporal.TemporalChoice;
import dev.forgeflow.store.Stores;
import dev.forgeflow.store.accounts.LocalAccount;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code forgeflow serve}: the whole stack in this process (embedded PostgreSQL, the durable
 * Temporal dev server, the workers) with the api-gateway listening, until interrupted.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the API (and the web UI) with the workers and the embedded defaults in one process,"
          + " until Ctrl-C.",
      "The local user's API token is in the data directory (api-token, readable by you only)."
    })
final class ServeCommand implements Callable<Integer> {

  @Option(
      names = "--host",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}: this machine only).")
  String host;

  @Option(
      names = "--port",
      defaultValue = "8080",
      description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Override
  public Integer call() throws InterruptedException {
    if (port < 0 || port > 65_535) {
      throw CliProblem.badInput("--port must be between 0 and 65535, not " + port);
    }
    SettingsCheck.check(); // a wrong or unknown FORGEFLOW_* setting stops us here, in one line
    PrintStream console = System.out;
    DataDir dataDir = DataDir.lock(DataDir.location());
    LocalStack.announceStart(dataDir, console, "embedded PostgreSQL, Temporal and the gateway");
    CountDownLatch stopped = new CountDownLatch(1);
    LocalStack stack = LocalStack.boot(dataDir, console, new LocalStack.Listen(host, port));
    LocalAccount account = LocalAccount.ensure(dataDir.path(), stack.get(Stores.class).accounts());
    String url = "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + stack.port();
    String local = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    ServerFile.write(
        dataDir.path(),
        java.net.URI.create(
            "http://" + (local.contains(":") ? "[" + local + "]" : local) + ":" + stack.port()));
    stack.onInterrupt(() -> ServerFile.remove(dataDir.path()));
    console.println("forgeflow · planner: " + stack.get(ModelChoice.class).describe());
    console.println("forgeflow · sandbox: " + stack.get(SandboxChoice.class).describe());
    console.println("forgeflow · temporal: " + stack.get(TemporalChoice.class).describe());
    console.println("forgeflow · serving " + url);
    console.println("forgeflow · API docs (Swagger UI): " + url + "/docs");
    TemporalChoice temporal = stack.get(TemporalChoice.class);
    if (temporal.webUrl() != null) {
      console.println(
          "forgeflow · Temporal Web: "
              + temporal.webUrl()
              + "/namespaces/"
              + stack.get(ForgeflowProperties.class).temporalNamespace()
              + "/workflows");
    }
    console.println(
        "forgeflow · local user "
            + account.user().username()
            + "; API token in "
            + dataDir.path().resolve(LocalAccount.TOKEN_FILE));
    console.println("forgeflow · Ctrl-C stops the server; runs resume when it starts again");
    console.flush();
    stopped.await(); // until the process is interrupted: its shutdown hook stops the stack
    return ExitCodes.CANCELLED;
  }
}
