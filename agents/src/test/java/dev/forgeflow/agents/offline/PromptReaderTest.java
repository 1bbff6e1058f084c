package dev.forgeflow.agents.offline;

import static dev.forgeflow.agents.offline.SamplePrompts.describe;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class PromptReaderTest {
  private final PromptReader reader = new PromptReader();

  static Stream<Arguments> readablePrompts() {
    return Stream.of(
        Arguments.of(
            SamplePrompts.BOOKSTORE,
            "bookstore-api",
            List.of(
                "Book books: title str, author str, price float",
                "Review reviews: book_id int>Book, rating int, comment str")),
        Arguments.of(
            SamplePrompts.TASKS,
            "tasks-service",
            List.of("Task tasks: title str, done bool, due date")),
        Arguments.of(
            SamplePrompts.TODOS, "todo-app", List.of("Todo todos: title str, completed bool")),
        Arguments.of(
            SamplePrompts.INVENTORY,
            "inventory-service",
            List.of(
                "Product products: name str, sku str, price float, stock int",
                "Supplier suppliers: name str, email str")),
        Arguments.of(
            SamplePrompts.LIBRARY,
            "library-api",
            List.of(
                "Author authors: name str, born date",
                "Book books: title str, author_id int>Author, published datetime")),
        Arguments.of(
            SamplePrompts.BULLETS,
            "users-api",
            List.of(
                "User users: name str, email str, age int",
                "Post posts: title str, body str, user_id int>User, published bool")),
        Arguments.of(
            SamplePrompts.ENTITIES_WITH,
            "projects-api",
            List.of("Project projects: name str, budget float, active bool")),
        Arguments.of(
            SamplePrompts.RECIPES,
            "recipe-service",
            List.of(
                "Category categories: name str, category_id int?>Category",
                "Recipe recipes: title str, servings int, category_id int>Category, rating float")),
        Arguments.of(
            SamplePrompts.EVENTS,
            "event-booking-api",
            List.of(
                "Person people: name str, email str",
                "Event events: title str, starts_at datetime, capacity int")),
        Arguments.of(
            SamplePrompts.CLINIC,
            "clinic-backend",
            List.of(
                "Patient patients: full_name str, birth_date date, notes str?",
                "Appointment appointments: patient_id int>Patient, scheduled_at datetime,"
                    + " reason str, paid bool")),
        Arguments.of(
            SamplePrompts.ORDERS,
            "orders-api",
            List.of(
                "Order orders: customer str, total float, placed_on date",
                "OrderItem order_items: order_id int>Order, product str, quantity int")),
        Arguments.of(
            SamplePrompts.FLEET,
            "fleet-api",
            List.of(
                "Vehicle vehicles: plate str, model str, year int",
                "Driver drivers: name str, license_no str, vehicle_id int>Vehicle")),
        Arguments.of(
            SamplePrompts.SCHOOL,
            "school-api",
            List.of(
                "Student students: name str",
                "Course courses: title str, credits int",
                "Enrollment enrollments: student_id int>Student, course_id int>Course")),
        Arguments.of(
            SamplePrompts.TWO_WITHS,
            "users-api",
            List.of(
                "User users: name str, email str",
                "Post posts: title str, body str, user_id int>User")),
        Arguments.of(
            SamplePrompts.BLOG,
            "blog",
            List.of(
                "Post posts: title str, body str, published_at datetime",
                "Comment comments: post_id int>Post, text str, approved bool?")),
        Arguments.of(
            SamplePrompts.NUMBERED,
            "employee-directory-api",
            List.of(
                "Department departments: name str, budget float",
                "Employee employees: first_name str, last_name str,"
                    + " department_id int>Department, hired_on date, salary float")),
        Arguments.of(
            SamplePrompts.CAPITALIZED,
            "customers-api",
            List.of(
                "Customer customers: name str, email str, phone str",
                "Invoice invoices: customer_id int>Customer, amount float, due_date date,"
                    + " paid bool")));
  }

  @ParameterizedTest
  @MethodSource("readablePrompts")
  void readsResourcesFieldsTypesAndForeignKeys(String prompt, String name, List<String> entities) {
    PromptReading reading = reader.read(prompt);

    assertThat(describe(reading.entities())).containsExactlyElementsOf(entities);
    assertThat(reading.projectName()).isEqualTo(name);
  }

  @Test
  void acceptsTypeSynonyms() {
    PromptReading reading =
        reader.read(
            "things (a: string, b: text, c: integer, d: number, e: decimal, f: double,"
                + " g: boolean, h: timestamp, i: datetime, j: date, k: str, l: float)");

    assertThat(describe(reading.entities()))
        .containsExactly(
            "Thing things: a str, b str, c int, d float, e float, f float, g bool, h datetime,"
                + " i datetime, j date, k str, l float");
  }

  @Test
  void dropsTheGeneratedIdAndKeepsUnresolvedIdsAsPlainIntegers() {
    PromptReading reading = reader.read("reviews (id, book_id, isbn_id: str, rating: int)");

    assertThat(describe(reading.entities()))
        .containsExactly("Review reviews: book_id int, isbn_id str, rating int");
  }

  @Test
  void namesSingularAndIrregularResources() {
    PromptReading reading =
        reader.read(
            "book (title); categories (name); people (name); boxes (label); classes (room)");

    assertThat(reading.entities())
        .extracting(e -> e.name() + "/" + e.plural())
        .containsExactly(
            "Book/books", "Category/categories", "Person/people", "Box/boxes", "Class/classes");
  }

  @Test
  void breaksForeignKeyCyclesByMakingTheClosingKeyOptional() {
    PromptReading reading = reader.read("teams (name, user_id) and users (name, team_id)");

    assertThat(describe(reading.entities()))
        .containsExactly(
            "Team teams: name str, user_id int>User", "User users: name str, team_id int?>Team");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Create a REST API for managing books (title, author)|books-api",
        "I want a simple api for storing recipes (name, servings: int)|recipes-api",
        "crm service with companies(name,website) contacts(company_id,name,email)|crm-service",
        "A coffee shop with drinks (name, price: float)|coffee-shop",
        "drinks (name, price: float)|drinks-api"
      })
  void namesTheProjectAfterTheServiceThePromptNames(String prompt, String name) {
    assertThat(reader.read(prompt).projectName()).isEqualTo(name);
  }

  @Test
  void readsTheSamePromptTheSameWay() {
    assertThat(reader.read(SamplePrompts.CLINIC)).isEqualTo(reader.read(SamplePrompts.CLINIC));
  }

  @Test
  void ignoresParenthesesThatHoldNoFields() {
    PromptReading reading =
        reader.read("A small API (really small) with notes (title, pinned: bool) (optional)");

    assertThat(describe(reading.entities())).containsExactly("Note notes: title str, pinned bool");
  }
}
