package dev.forgeflow.agents.offline;

import dev.forgeflow.agents.offline.Template.Node;
import dev.forgeflow.agents.offline.Template.Section;
import dev.forgeflow.agents.offline.Template.Text;
import dev.forgeflow.agents.offline.Template.Variable;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the Mustache subset {@link Template} renders. */
final class TemplateParser {
  private static final Pattern TAG = Pattern.compile("\\{\\{(?!\\{)\\s*([#^/!]?)\\s*(.*?)\\s*}}");

  private record Open(String name, boolean inverted, List<Node> body) {}

  private final String name;
  private final String source;
  private final Deque<Open> open = new ArrayDeque<>();

  TemplateParser(String name, String source) {
    this.name = name;
    this.source = source;
  }

  List<Node> parse() {
    open.push(new Open("", false, new ArrayList<>()));
    Matcher tag = TAG.matcher(source);
    int pos = 0;
    while (tag.find(pos)) {
      String sigil = tag.group(1);
      int lineStart = source.lastIndexOf('\n', tag.start() - 1) + 1;
      int lineEnd = source.indexOf('\n', tag.end());
      lineEnd = lineEnd < 0 ? source.length() : lineEnd;
      boolean standalone =
          !sigil.isEmpty()
              && lineStart >= pos
              && source.substring(lineStart, tag.start()).isBlank()
              && source.substring(tag.end(), lineEnd).isBlank();
      text(source.substring(pos, standalone ? lineStart : tag.start()));
      tag(sigil, tag.group(2));
      pos = standalone ? Math.min(lineEnd + 1, source.length()) : tag.end();
    }
    text(source.substring(pos));
    if (open.size() != 1) {
      throw new IllegalStateException("template " + name + ": unclosed {{#" + open.peek().name());
    }
    return open.pop().body();
  }

  private void text(String text) {
    if (!text.isEmpty()) {
      open.peek().body().add(new Text(text));
    }
  }

  private void tag(String sigil, String key) {
    switch (sigil) {
      case "!" -> {}
      case "#", "^" -> open.push(new Open(key, sigil.equals("^"), new ArrayList<>()));
      case "/" -> close(key);
      default -> open.peek().body().add(new Variable(key));
    }
  }

  private void close(String key) {
    Open section = open.pop();
    if (!section.name().equals(key) || open.isEmpty()) {
      throw new IllegalStateException("template " + name + ": {{/" + key + "}} closes nothing");
    }
    open.peek().body().add(new Section(key, section.inverted(), section.body()));
  }
}
