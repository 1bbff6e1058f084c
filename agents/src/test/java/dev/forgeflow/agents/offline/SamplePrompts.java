package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.List;
import java.util.stream.Collectors;

/** Differently worded prompts the offline planner must read, and a compact view of entities. */
final class SamplePrompts {
  static final String BOOKSTORE =
      "A bookstore API with books (title, author, price: float) and reviews (book_id, rating: int,"
          + " comment)";
  static final String TASKS =
      "Build a service to manage tasks with fields title, done: bool, due: date";
  static final String TODOS = "todo app: todos(title: str, completed: bool)";
  static final String INVENTORY =
      "Inventory service. Resources: products (name, sku, price: float, stock: int); suppliers"
          + " (name, email)";
  static final String LIBRARY =
      "I need an API for a library: authors (name, born: date) and books (title, author_id,"
          + " published: datetime)";
  static final String BULLETS =
      "- users: name, email, age: int\n- posts: title, body: text, user_id, published: boolean\n";
  static final String ENTITIES_WITH =
      "entities projects with name, budget: decimal, active: boolean";
  static final String RECIPES =
      "A recipe service with categories (name, category_id) and recipes (title, servings: integer,"
          + " category_id, rating: number)";
  static final String EVENTS =
      "Event booking API\nEntities:\npeople: name, email\nevents: title, starts_at: timestamp,"
          + " capacity: int\n";
  static final String CLINIC =
      "Clinic backend with patients (full name, birth date, notes?) and appointments (patient_id,"
          + " scheduled_at: datetime, reason: string, paid: bool)";
  static final String ORDERS =
      "Order tracking: orders (customer: str, total: double, placed_on: date) and order_items"
          + " (order_id, product: str, quantity: int)";
  static final String FLEET =
      "A fleet API.\nResources:\n* vehicles\n  * plate\n  * model\n  * year: int\n"
          + "* drivers: name, license_no, vehicle_id\n";
  static final String SCHOOL =
      "School API with students (name), courses (title, credits: int) and enrollments"
          + " (student_id, course_id)";
  static final String TWO_WITHS =
      "entities users with name, email and posts with title, body, user_id";

  static final String BLOG =
      "A blog with posts (title, body: text, published_at: datetime) and comments (post_id, text,"
          + " approved?: bool)";
  static final String NUMBERED =
      "Employee directory API.\nResources:\n1. departments: name, budget: number\n"
          + "2. employees: first name, last name, department_id, hired_on: date, salary: float\n";
  static final String CAPITALIZED =
      "Build me a CRUD backend. Entities:\n- Customer: name, email, phone\n"
          + "- Invoice: customer_id, amount: decimal, due date, paid: boolean";

  private SamplePrompts() {}

  static List<String> all() {
    return List.of(
        BOOKSTORE,
        TASKS,
        TODOS,
        INVENTORY,
        LIBRARY,
        BULLETS,
        ENTITIES_WITH,
        RECIPES,
        EVENTS,
        CLINIC,
        ORDERS,
        FLEET,
        SCHOOL,
        TWO_WITHS,
        BLOG,
        NUMBERED,
        CAPITALIZED);
  }

  /**
   * Entities in one line each: {@code Book books: title str, price float?, author_id int>Author}
   * where {@code ?} marks an optional field and {@code >X} a foreign key to X.
   */
  static List<String> describe(List<Entity> entities) {
    return entities.stream().map(SamplePrompts::describe).toList();
  }

  private static String describe(Entity entity) {
    String fields =
        entity.fields().stream().map(SamplePrompts::describe).collect(Collectors.joining(", "));
    return entity.name() + " " + entity.plural() + ": " + fields;
  }

  private static String describe(Field field) {
    return field.name()
        + " "
        + field.type()
        + (field.required() ? "" : "?")
        + (field.references() == null ? "" : ">" + field.references());
  }
}
