package dev.forgeflow.agents.offline;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PromptRefusalTest {
  private final PromptReader reader = new PromptReader();

  @Test
  void refusesAPromptWithoutResources() {
    assertThatThrownBy(() -> reader.read("make me something cool"))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("no resource with fields")
        .hasMessageContaining("fields in parentheses, e.g.")
        .hasMessageContaining("FORGEFLOW_LLM_BASE_URL");
  }

  @Test
  void refusesAnEmptyPrompt() {
    assertThatThrownBy(() -> reader.read("  "))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("the prompt is empty")
        .hasMessageContaining("FORGEFLOW_LLM_BASE_URL");
  }

  @Test
  void refusesResourcesWithoutFieldsAndSaysWhatItUnderstood() {
    assertThatThrownBy(() -> reader.read("A bookstore API with books and reviews"))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("It understood a service (bookstore-api) but no resource with fields")
        .hasMessageContaining("books (title, author, price: float)");
  }

  @Test
  void refusesAnUnknownType() {
    assertThatThrownBy(() -> reader.read("books (title, price: money)"))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("the type 'money' of the field 'price' is not supported")
        .hasMessageContaining("datetime (timestamp)");
  }

  @Test
  void refusesPythonKeywordsAndReservedNames() {
    assertThatThrownBy(() -> reader.read("lessons (title, class: str)"))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("'class' is a Python keyword")
        .hasMessageContaining("It understood: lessons (title, class: str)");
    assertThatThrownBy(() -> reader.read("documents (title, metadata)"))
        .hasMessageContaining("'metadata' is reserved");
    assertThatThrownBy(() -> reader.read("sessions (token)"))
        .hasMessageContaining("would be named Session");
  }

  @Test
  void refusesAFieldListWithAnItemThatIsNoField() {
    assertThatThrownBy(() -> reader.read("books (title, price: float, see the notes below)"))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("'see the notes below' in (title, price: float, see the notes below)")
        .hasMessageContaining("It read the resource books but not all of its fields");
  }

  @Test
  void refusesAResourceDeclaredTwice() {
    assertThatThrownBy(() -> reader.read("books (title) and book (isbn)"))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("'books' is declared twice");
  }

  @Test
  void refusesAResourceWhoseOnlyFieldIsTheGeneratedId() {
    assertThatThrownBy(() -> reader.read("tags (id)"))
        .isInstanceOf(PromptNotUnderstoodException.class)
        .hasMessageContaining("'tags' has no fields besides its generated id");
  }
}
