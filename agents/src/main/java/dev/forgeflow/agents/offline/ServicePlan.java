package dev.forgeflow.agents.offline;

import dev.forgeflow.workflows.artifacts.Component;
import dev.forgeflow.workflows.artifacts.Endpoint;
import dev.forgeflow.workflows.artifacts.Entity;
import dev.forgeflow.workflows.artifacts.Field;
import java.util.ArrayList;
import java.util.List;

/** The endpoints, rules and components that follow from a list of entities. */
final class ServicePlan {
  private ServicePlan() {}

  static List<Endpoint> endpoints(List<Entity> entities) {
    List<Endpoint> endpoints = new ArrayList<>();
    for (Entity entity : entities) {
      EntityNames n = EntityNames.of(entity);
      String item = "/" + n.plural() + "/{" + n.singular() + "_id}";
      String one = n.article() + " " + n.human();
      endpoints.add(new Endpoint("POST", "/" + n.plural(), "Create " + one + " (201)"));
      endpoints.add(new Endpoint("GET", "/" + n.plural(), "List " + n.humanPlural()));
      endpoints.add(new Endpoint("GET", item, "Read " + one + " (404 if missing)"));
      endpoints.add(new Endpoint("PATCH", item, "Update fields of " + one + " (404 if missing)"));
      endpoints.add(new Endpoint("DELETE", item, "Delete " + one + " (204; 404 if missing)"));
    }
    endpoints.add(new Endpoint("GET", "/health", "Liveness check"));
    return endpoints;
  }

  static List<String> rules(List<Entity> entities) {
    List<String> rules = new ArrayList<>();
    rules.add("Every resource has a generated integer id; clients never send it.");
    rules.add("Unknown ids answer 404; bodies with missing or wrong-typed fields answer 422.");
    rules.add("An update changes only the fields it sends and cannot null a required field.");
    for (Entity entity : entities) {
      for (Field field : entity.fields()) {
        if (field.references() != null) {
          EntityNames child = EntityNames.of(entity);
          EntityNames parent = EntityNames.of(EntityNames.find(entities, field.references()));
          rules.add(
              String.format(
                  "The %s of %s %s%s must refer to an existing %s (422 otherwise); %s %s that"
                      + " %s refer to cannot be deleted (409).",
                  field.name(),
                  child.article(),
                  child.human(),
                  field.required() ? "" : ", when set,",
                  parent.human(),
                  parent.article(),
                  parent.human(),
                  child.humanPlural()));
        }
      }
    }
    return rules;
  }

  static List<Component> components(List<Entity> entities) {
    List<Component> components = new ArrayList<>();
    components.add(new Component("app.main", "FastAPI application: routers, lifespan, /health"));
    components.add(new Component("app.database", "SQLite engine from DATABASE_URL, sessions"));
    components.add(new Component("app.models", "SQLModel tables and request/response schemas"));
    for (Entity entity : entities) {
      components.add(
          new Component("app.routers." + entity.plural(), "CRUD endpoints of /" + entity.plural()));
    }
    components.add(new Component("tests", "pytest suite on an isolated SQLite database"));
    return components;
  }
}
