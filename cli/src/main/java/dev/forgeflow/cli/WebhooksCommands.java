package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code forgeflow webhooks add|list|rm}: the URLs a project's run endings are POSTed to, signed.
 * The signing secret is printed once, by {@code add}.
 */
@Command(
    name = "webhooks",
    mixinStandardHelpOptions = true,
    description = "Register URLs told when a run of a project ends, list them, remove them.",
    subcommands = {
      WebhooksCommands.Add.class,
      WebhooksCommands.ListWebhooks.class,
      WebhooksCommands.Remove.class
    })
final class WebhooksCommands implements Runnable {

  @Override
  public void run() {
    throw CliProblem.badInput("Say what to do: forgeflow webhooks add|list|rm (see --help).");
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description =
          "Register a URL for a project (created if missing); prints the signing secret, once.")
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name.")
    String project;

    @Parameters(index = "1", paramLabel = "URL", description = "An http(s) URL.")
    String url;

    @Override
    public Integer call() {
      return RunCommands.withServer(
          api -> {
            JsonNode created =
                api.post(
                    Map.of("url", url.strip()),
                    "/api/projects/{id}/webhooks",
                    Projects.ensure(api, project));
            System.out.println(
                "forgeflow · webhook "
                    + created.path("id").asText()
                    + " · "
                    + TerminalText.clean(created.path("url").asText()));
            System.out.println("secret (shown once; it signs every delivery):");
            System.out.println(created.path("secret").asText());
            return 0;
          });
    }
  }

  @Command(
      name = "list",
      aliases = "ls",
      mixinStandardHelpOptions = true,
      description = "List a project's webhooks, the newest first, with their last delivery.")
  static final class ListWebhooks implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name.")
    String project;

    @Override
    public Integer call() {
      return RunCommands.withServer(
          api -> {
            String projectId = Projects.find(api, project);
            JsonNode items = api.get("/api/projects/{id}/webhooks", projectId).path("items");
            if (items.isEmpty()) {
              System.out.println("no webhooks");
            }
            for (JsonNode w : items) {
              JsonNode last =
                  api.get(
                          "/api/projects/{id}/webhooks/{webhook}/deliveries?limit=1",
                          projectId,
                          w.path("id").asText())
                      .path("items")
                      .path(0);
              System.out.println(
                  String.format(
                      Locale.ROOT,
                      "%-36s %-60s %s  %s",
                      w.path("id").asText(),
                      TerminalText.clean(w.path("url").asText()),
                      w.path("createdAt").asText(),
                      lastDelivery(last)));
            }
            return 0;
          });
    }

    private static String lastDelivery(JsonNode last) {
      if (last.isMissingNode()) {
        return "no deliveries yet";
      }
      String answer =
          last.path("statusCode").isNumber()
              ? "HTTP " + last.path("statusCode").asInt()
              : TerminalText.clean(last.path("error").asText());
      String state =
          !last.path("deliveredAt").isNull()
              ? "delivered"
              : last.path("last").asBoolean() ? "failed" : "retrying";
      return "last: " + state + " (" + answer + ", attempt " + last.path("attempt").asInt() + ")";
    }
  }

  @Command(name = "rm", mixinStandardHelpOptions = true, description = "Remove a webhook.")
  static final class Remove implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name.")
    String project;

    @Parameters(index = "1", paramLabel = "WEBHOOK", description = "The webhook's id.")
    String webhook;

    @Override
    public Integer call() {
      return RunCommands.withServer(
          api -> {
            api.delete(
                "/api/projects/{id}/webhooks/{webhook}",
                Projects.find(api, project),
                webhook.strip());
            System.out.println("removed " + TerminalText.clean(webhook.strip()));
            return 0;
          });
    }
  }
}
