package dev.forgeflow.agents.offline;

import java.util.List;

/**
 * A resource as the prompt declared it.
 *
 * @param word its name as written, in snake_case, singular or plural
 * @param fields its fields in prompt order
 * @param position where the declaration starts in the prompt, to keep prompt order
 */
record RawResource(String word, List<RawField> fields, int position) {
  RawResource {
    fields = List.copyOf(fields);
  }

  String describe() {
    StringBuilder text = new StringBuilder(word).append(" (");
    for (int i = 0; i < fields.size(); i++) {
      RawField field = fields.get(i);
      text.append(i == 0 ? "" : ", ").append(field.name());
      text.append(field.type() == null ? "" : ": " + field.type());
    }
    return text.append(')').toString();
  }
}
