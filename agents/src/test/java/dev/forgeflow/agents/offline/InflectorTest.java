package dev.forgeflow.agents.offline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InflectorTest {

  @ParameterizedTest
  @CsvSource({
    "book, books",
    "category, categories",
    "day, days",
    "box, boxes",
    "address, addresses",
    "status, statuses",
    "branch, branches",
    "person, people",
    "child, children",
    "movie, movies",
    "shoe, shoes",
    "hero, heroes",
    "photo, photos",
    "knife, knives",
    "series, series",
    "analysis, analyses",
    "quiz, quizzes",
    "house, houses",
    "size, sizes",
    "cache, caches"
  })
  void pluralAndSingularAreInverse(String singular, String plural) {
    assertThat(Inflector.plural(singular)).isEqualTo(plural);
    assertThat(Inflector.singular(plural)).isEqualTo(singular);
  }

  @ParameterizedTest
  @CsvSource({
    "books, Book, book",
    "order_items, OrderItem, order_item",
    "people, Person, person",
    "categories, Category, category",
    "statuses, Status, status"
  })
  void classNamesAreSingularPascalCase(String plural, String className, String snake) {
    assertThat(Inflector.className(plural)).isEqualTo(className);
    assertThat(Inflector.snake(className)).isEqualTo(snake);
  }

  @ParameterizedTest
  @CsvSource({"order_item, order_items", "order_items, order_items", "todo, todos", "news, news"})
  void pluralNamesPluralizeTheLastWordOnly(String name, String plural) {
    assertThat(Inflector.pluralName(name)).isEqualTo(plural);
  }
}
