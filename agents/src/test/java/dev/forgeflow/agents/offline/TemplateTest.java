package dev.forgeflow.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateTest {

  @Test
  void sectionTagsAloneOnTheirLinesLeaveNoBlankLines() {
    Template template =
        Template.parse("t", "class A:\n{{#fields}}\n    {{name}}: {{type}}\n{{/fields}}\nend\n");

    String text =
        template.render(
            Map.of(
                "fields",
                List.of(
                    Map.of("name", "title", "type", "str"), Map.of("name", "n", "type", "int"))));

    assertThat(text).isEqualTo("class A:\n    title: str\n    n: int\nend\n");
  }

  @Test
  void booleansAndInvertedSectionsChooseText() {
    Template template = Template.parse("t", "{{#on}}yes{{/on}}{{^on}}no{{/on}}");

    assertThat(template.render(Map.of("on", true))).isEqualTo("yes");
    assertThat(template.render(Map.of("on", false))).isEqualTo("no");
    assertThat(template.render(Map.of("on", List.of()))).isEqualTo("no");
  }

  @Test
  void aBraceBeforeATagStaysText() {
    Template template = Template.parse("t", "@router.get(\"/{{{singular}}_id}\")");

    assertThat(template.render(Map.of("singular", "book")))
        .isEqualTo("@router.get(\"/{book_id}\")");
  }

  @Test
  void innerScopesAreRecordsOrMapsAndOuterNamesStayVisible() {
    record Item(String path) {}
    Template template = Template.parse("t", "{{#items}}{{root}}/{{path}} {{/items}}");

    String text =
        template.render(Map.of("root", "app", "items", List.of(new Item("a"), new Item("b"))));

    assertThat(text).isEqualTo("app/a app/b ");
  }

  @Test
  void aMissingValueIsAnError() {
    Template template = Template.parse("models", "{{missing}}");

    assertThatThrownBy(() -> template.render(Map.of()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("template models: no value for {{missing}}");
  }

  @Test
  void anUnclosedSectionIsAnError() {
    assertThatThrownBy(() -> Template.parse("t", "{{#a}}text"))
        .hasMessageContaining("unclosed {{#a");
  }
}
