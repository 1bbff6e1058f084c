package dev.forgeflow.agents.offline;

import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * A parsed template in a small Mustache subset: {@code {{name}}}, sections {@code {{#name}}}...
 * {@code {{/name}}} over lists, maps and booleans, inverted sections {@code {{^name}}}, comments
 * {@code {{! ...}}} and {@code {{.}}} for the current item; names are looked up in maps and in
 * records' components, innermost scope first. Nothing is escaped, and a brace right before a tag
 * stays text, so {@code {{{name}}_id}} renders {@code {book_id}}. A section tag alone on its line
 * takes the whole line with it, so templates of indented code stay readable. A name with no value
 * is an error, never an empty string.
 */
final class Template {
  sealed interface Node permits Text, Variable, Section {}

  record Text(String text) implements Node {}

  record Variable(String name) implements Node {}

  record Section(String name, boolean inverted, List<Node> body) implements Node {}

  private final String name;
  private final List<Node> nodes;

  Template(String name, List<Node> nodes) {
    this.name = name;
    this.nodes = List.copyOf(nodes);
  }

  static Template parse(String name, String source) {
    return new Template(name, new TemplateParser(name, source).parse());
  }

  String render(Map<String, ?> context) {
    StringBuilder out = new StringBuilder();
    Deque<Object> scopes = new ArrayDeque<>();
    scopes.push(context);
    render(nodes, scopes, out);
    return out.toString();
  }

  private void render(List<Node> body, Deque<Object> scopes, StringBuilder out) {
    for (Node node : body) {
      if (node instanceof Text text) {
        out.append(text.text());
      } else if (node instanceof Variable variable) {
        out.append(lookup(variable.name(), scopes));
      } else if (node instanceof Section section) {
        section(section, lookup(section.name(), scopes), scopes, out);
      }
    }
  }

  private void section(Section section, Object value, Deque<Object> scopes, StringBuilder out) {
    boolean truthy =
        !(Boolean.FALSE.equals(value)
            || value instanceof Collection<?> c && c.isEmpty()
            || value instanceof String s && s.isEmpty());
    if (section.inverted() || Boolean.TRUE.equals(value)) {
      if (section.inverted() != truthy) {
        render(section.body(), scopes, out);
      }
      return;
    }
    Collection<?> items =
        value instanceof Collection<?> c ? c : truthy ? List.of(value) : List.of();
    for (Object item : items) {
      scopes.push(item);
      render(section.body(), scopes, out);
      scopes.pop();
    }
  }

  /** A map's entry or a record's component of that name, or null. */
  private static Object member(Object scope, String key) {
    if (scope instanceof Map<?, ?> map) {
      return map.get(key);
    }
    if (scope instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        if (component.getName().equals(key)) {
          return read(component, record);
        }
      }
    }
    return null;
  }

  private static Object read(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot read " + component.getName(), e);
    }
  }

  private Object lookup(String key, Deque<Object> scopes) {
    if (key.equals(".")) {
      return scopes.peek();
    }
    for (Object scope : scopes) {
      Object value = member(scope, key);
      if (value != null) {
        return value;
      }
    }
    throw new IllegalStateException("template " + name + ": no value for {{" + key + "}}");
  }
}
