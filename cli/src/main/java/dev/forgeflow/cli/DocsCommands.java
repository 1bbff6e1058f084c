package dev.forgeflow.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code forgeflow docs add|list|rm}: the documents attached to a project (txt, md, pdf), which the
 * Requirements agent of the project's runs retrieves from.
 */
@Command(
    name = "docs",
    mixinStandardHelpOptions = true,
    description = "Attach documents (txt, md, pdf) to a project, list them, remove them.",
    subcommands = {DocsCommands.Add.class, DocsCommands.ListDocs.class, DocsCommands.Remove.class})
final class DocsCommands implements Runnable {

  /** The largest document a server takes. */
  static final long MAX_BYTES = 5L * 1024 * 1024;

  @Override
  public void run() {
    throw CliProblem.badInput("Say what to do: forgeflow docs add|list|rm (see --help).");
  }

  /** A file read for upload, refused here when it cannot be one. */
  record LocalDocument(String name, byte[] content) {}

  /**
   * Reads files to attach before anything is sent: each must exist, be a regular file and be at
   * most 5 MiB (the server checks the rest: type, text, encryption).
   */
  static List<LocalDocument> read(List<Path> files) {
    List<LocalDocument> documents = new ArrayList<>();
    for (Path file : files) {
      String shown = TerminalText.clean(file.toString());
      if (!Files.isRegularFile(file)) {
        throw CliProblem.badInput("No document at " + shown + ".");
      }
      try {
        if (Files.size(file) > MAX_BYTES) {
          throw CliProblem.badInput(shown + " is larger than 5 MiB, the most a document may be.");
        }
        documents.add(new LocalDocument(file.getFileName().toString(), Files.readAllBytes(file)));
      } catch (IOException e) {
        throw CliProblem.badInput("Cannot read " + shown + ": " + e.getMessage() + ".");
      }
    }
    return documents;
  }

  /** Uploads documents to a project, printing one line for each. */
  static void attach(
      ApiClient api, String projectId, List<LocalDocument> documents, PrintStream out) {
    for (LocalDocument document : documents) {
      JsonNode attached =
          api.upload(
              document.name(), document.content(), "/api/projects/{id}/documents", projectId);
      out.println(
          "forgeflow · attached "
              + TerminalText.clean(attached.path("name").asText())
              + " ("
              + attached.path("chunks").asInt()
              + " passages) · "
              + attached.path("id").asText());
    }
  }

  @Command(
      name = "add",
      mixinStandardHelpOptions = true,
      description = "Attach documents to a project (created if missing).")
  static final class Add implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name.")
    String project;

    @Parameters(
        index = "1..*",
        arity = "1..*",
        paramLabel = "FILE",
        description = "txt, md or pdf.")
    List<Path> files;

    @Override
    public Integer call() {
      List<LocalDocument> documents = read(files);
      return RunCommands.withServer(
          api -> {
            attach(api, Projects.ensure(api, project), documents, System.out);
            return 0;
          });
    }
  }

  @Command(
      name = "list",
      aliases = "ls",
      mixinStandardHelpOptions = true,
      description = "List a project's documents, the newest first.")
  static final class ListDocs implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name.")
    String project;

    @Override
    public Integer call() {
      return RunCommands.withServer(
          api -> {
            JsonNode items =
                api.get("/api/projects/{id}/documents", Projects.find(api, project)).path("items");
            if (items.isEmpty()) {
              System.out.println("no documents");
            }
            for (JsonNode d : items) {
              System.out.println(
                  String.format(
                      Locale.ROOT,
                      "%-38s %-32s %-16s %9d bytes %5d passages  %s",
                      d.path("id").asText(),
                      TerminalText.clean(d.path("name").asText()),
                      d.path("mediaType").asText(),
                      d.path("bytes").asLong(),
                      d.path("chunks").asInt(),
                      d.path("createdAt").asText()));
            }
            return 0;
          });
    }
  }

  @Command(
      name = "rm",
      mixinStandardHelpOptions = true,
      description = "Remove a document from a project.")
  static final class Remove implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "PROJECT", description = "The project's name.")
    String project;

    @Parameters(index = "1", paramLabel = "DOCUMENT", description = "The document's id.")
    String document;

    @Override
    public Integer call() {
      return RunCommands.withServer(
          api -> {
            api.delete(
                "/api/projects/{id}/documents/{document}",
                Projects.find(api, project),
                document.strip());
            System.out.println("removed " + TerminalText.clean(document.strip()));
            return 0;
          });
    }
  }
}
