package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads resources and their typed fields from a plain-language prompt, and from documents attached
 * to it, deterministically. The shapes it reads and the rules it follows are listed in the package
 * documentation. It never guesses: what it cannot read is refused with a {@link
 * PromptNotUnderstoodException} that says what it understood and how to phrase the prompt.
 */
public final class PromptReader {

  /**
   * @throws PromptNotUnderstoodException when no resource with fields can be read, or a name or
   *     type is unusable
   */
  public PromptReading read(String prompt) {
    return read(prompt, List.of());
  }

  /**
   * Reads the prompt, then each document in order as further description: the resources of all of
   * them, in that order. The project is named after the service the prompt names, else the first
   * document's {@code # Title}, else the first resource.
   *
   * @throws PromptNotUnderstoodException when none of them declares a resource with fields, or a
   *     name or type is unusable
   */
  public PromptReading read(String prompt, List<String> documents) {
    String text = normalize(prompt);
    List<String> attached =
        documents == null
            ? List.of()
            : documents.stream().filter(Objects::nonNull).map(PromptReader::normalize).toList();
    if (text.isBlank() && attached.isEmpty()) {
      throw new PromptNotUnderstoodException("the prompt is empty", "");
    }
    List<RawResource> declarations = new ArrayList<>(declarations(text));
    int named =
        declarations.isEmpty()
            ? text.length()
            : declarations.get(0).position() + declarations.get(0).word().length();
    attached.forEach(document -> declarations.addAll(declarations(document)));
    Optional<String> service =
        ProjectNamer.named(text, named)
            .or(
                () ->
                    attached.stream().flatMap(d -> ProjectNamer.fromTitle(d).stream()).findFirst());
    if (declarations.isEmpty()) {
      String understood =
          service
              .map(name -> "It understood a service (" + name + ") but no resource with fields.")
              .orElse("");
      throw new PromptNotUnderstoodException(nothingFound(attached.size()), understood);
    }
    var entities = EntityAssembler.assemble(declarations);
    String name = ProjectNamer.name(service, entities);
    return new PromptReading(name, ProjectNamer.title(name), entities);
  }

  private static String nothingFound(int documents) {
    if (documents == 0) {
      return "it names no resource with fields";
    }
    return "it read the prompt and "
        + documents
        + (documents == 1 ? " attached document" : " attached documents")
        + " and found no resource with fields";
  }

  /**
   * The resources declared in a text, in text order; an empty list when there are none. Each reader
   * blanks out what it read, so the next one sees only the rest: tables, then blocks of bullets
   * under a name, parenthesized fields, one-line declarations, and sentences.
   */
  static List<RawResource> declarations(String text) {
    StringBuilder unread = new StringBuilder(text);
    List<RawResource> found = new ArrayList<>(TableDeclarations.find(unread));
    found.addAll(BlockDeclarations.find(unread));
    found.addAll(ParenthesizedDeclarations.find(unread));
    found.addAll(LineDeclarations.find(unread));
    found.addAll(WithDeclarations.find(unread.toString()));
    found.sort(Comparator.comparingInt(RawResource::position));
    return found;
  }

  static String normalize(String prompt) {
    if (prompt == null) {
      return "";
    }
    return prompt
        .replace("\r\n", "\n")
        .replace('\r', '\n')
        .replace('\t', ' ')
        .replace('\u00A0', ' ')
        .replaceAll("[\u2018\u2019]", "'")
        .replaceAll("[\u201C\u201D]", "\"");
  }
}
