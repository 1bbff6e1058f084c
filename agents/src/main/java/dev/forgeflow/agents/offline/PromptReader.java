package dev.forgeflow.agents.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads resources and their typed fields from a plain-language prompt, deterministically. It
 * understands resources with their fields in parentheses ({@code books (title, price: float)}), one
 * a line ({@code - users: name, email, age: int}, or with the fields as indented bullets), and
 * {@code tasks with fields title, done: bool}. It never guesses: what it cannot read is refused
 * with a {@link PromptNotUnderstoodException} that says how to phrase the prompt.
 */
public final class PromptReader {

  /**
   * @throws PromptNotUnderstoodException when no resource with fields can be read, or a name or
   *     type is unusable
   */
  public PromptReading read(String prompt) {
    String text = normalize(prompt);
    if (text.isBlank()) {
      throw new PromptNotUnderstoodException("the prompt is empty", "");
    }
    List<RawResource> declarations = declarations(text);
    if (declarations.isEmpty()) {
      String understood =
          ProjectNamer.service(text)
              .map(name -> "It understood a service (" + name + ") but no resource with fields.")
              .orElse("");
      throw new PromptNotUnderstoodException("it names no resource with fields", understood);
    }
    var entities = EntityAssembler.assemble(declarations);
    String name = ProjectNamer.name(text, entities);
    return new PromptReading(name, ProjectNamer.title(name), entities);
  }

  /** The resources declared in a text, in text order; an empty list when there are none. */
  static List<RawResource> declarations(String text) {
    StringBuilder unread = new StringBuilder(text);
    List<RawResource> found = new ArrayList<>(ParenthesizedDeclarations.find(unread));
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
        .replaceAll("[\u2018\u2019]", "'")
        .replaceAll("[\u201C\u201D]", "\"");
  }
}
