package dev.forgeflow.agents.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a model's text into a value: strips a code fence, checks the schema, then binds. */
final class JsonReplyParser {
  private static final Pattern FENCE =
      Pattern.compile("^\\s*```[a-zA-Z]*\\s*\\n(.*?)\\n?\\s*```\\s*$", Pattern.DOTALL);
  private static final int MAX_PROBLEMS = 10;

  private final ObjectMapper mapper;

  JsonReplyParser(ObjectMapper mapper) {
    this.mapper = mapper;
  }

  /** A parsed value, or what was wrong with the text. */
  record Parsed<T>(T value, String problem) {
    boolean ok() {
      return problem == null;
    }
  }

  <T> Parsed<T> parse(String text, JsonSchemaSpec schema, Class<T> type) {
    JsonNode tree;
    try {
      tree =
          mapper
              .reader()
              .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
              .readTree(unfenced(text));
    } catch (JsonProcessingException e) {
      return new Parsed<>(null, "not valid JSON: " + e.getOriginalMessage());
    }
    if (tree == null || tree.isMissingNode()) {
      return new Parsed<>(null, "the reply was empty");
    }
    List<String> problems = SchemaCheck.problems(tree, schema.schema());
    if (!problems.isEmpty()) {
      return new Parsed<>(
          null,
          "does not follow the schema: "
              + String.join("; ", problems.subList(0, Math.min(MAX_PROBLEMS, problems.size()))));
    }
    try {
      return new Parsed<>(mapper.treeToValue(tree, type), null);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return new Parsed<>(
          null, "could not be read as " + type.getSimpleName() + ": " + e.getMessage());
    }
  }

  static String unfenced(String text) {
    Matcher fenced = FENCE.matcher(text);
    return fenced.matches() ? fenced.group(1) : text;
  }
}
