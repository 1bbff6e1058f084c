package dev.forgeflow.cli;

import dev.forgeflow.orchestrator.config.ForgeflowProperties;
import dev.forgeflow.orchestrator.config.ModelChoice;
import dev.forgeflow.orchestrator.config.Roles;
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
    String named = System.getenv("FORGEFLOW_ROLES");
    Roles roles = Roles.parse(named == null || named.isBlank() ? Roles.ALL : named);
    PrintStream console = System.out;
    DataDir dataDir = DataDir.lock(DataDir.location());
    CountDownLatch stopped = new CountDownLatch(1);
    if (!roles.gateway()) {
      return worker(roles, dataDir, console, stopped);
    }
    LocalStack.announceStart(dataDir, console, "embedded PostgreSQL, Temporal and the gateway");
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
    if (!roles.everything()) {
      console.println("forgeflow · roles: " + roles);
    }
    console.println("forgeflow · Ctrl-C stops the server; runs resume when it starts again");
    console.flush();
    stopped.await(); // until the process is interrupted: its shutdown hook stops the stack
    return ExitCodes.CANCELLED;
  }

  /**
   * A process without the gateway role: workers only (the agents on the pipeline's queue, the
   * sandbox on its host's), until interrupted.
   */
  private static Integer worker(
      Roles roles, DataDir dataDir, PrintStream console, CountDownLatch stopped)
      throws InterruptedException {
    LocalStack.announceStart(dataDir, console, "the " + roles + " worker");
    LocalStack stack = LocalStack.boot(dataDir, console, null);
    ForgeflowProperties properties = stack.get(ForgeflowProperties.class);
    console.println("forgeflow · roles: " + roles + " (no gateway)");
    if (roles.agents()) {
      console.println("forgeflow · planner: " + stack.get(ModelChoice.class).describe());
    }
    if (roles.sandbox()) {
      console.println(
          "forgeflow · sandbox: "
              + stack.get(SandboxChoice.class).describe()
              + " on host "
              + properties.sandboxHostName());
    }
    console.println("forgeflow · temporal: " + stack.get(TemporalChoice.class).describe());
    console.println(
        "forgeflow · Ctrl-C stops the worker; its work resumes elsewhere or on restart");
    console.flush();
    stopped.await();
    return ExitCodes.CANCELLED;
  }
}
