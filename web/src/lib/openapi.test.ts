import { operationsOf, requestPath } from "./openapi";
import { schemaValidator } from "./schemaValidator";

const document = {
  openapi: "3.1.0",
  paths: {
    "/books": {
      get: { summary: "List Books", parameters: [{ name: "limit", in: "query", schema: { type: "integer" } }] },
      post: {
        summary: "Create Book",
        requestBody: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/BookCreate" } } } },
      },
    },
    "/books/{book_id}": {
      get: { summary: "Read Book", parameters: [{ name: "book_id", in: "path", required: true, schema: { type: "integer" } }] },
    },
  },
  components: {
    schemas: {
      BookCreate: {
        type: "object",
        required: ["title", "price"],
        properties: {
          title: { type: "string", maxLength: 255 },
          price: { type: "number" },
          isbn: { anyOf: [{ type: "string" }, { type: "null" }] },
        },
      },
    },
  },
};

describe("operationsOf", () => {
  it("offers every operation with a form schema of its parameters and body", () => {
    const ops = operationsOf(document);
    expect(ops.map((o) => `${o.method} ${o.path}`)).toEqual(["GET /books", "POST /books", "GET /books/{book_id}"]);
    expect(ops[1].hasBody).toBe(true);
    expect(ops[1].schema.required).toEqual(["body"]);
    expect(ops[2].schema.properties?.path).toMatchObject({ required: ["book_id"] });
  });

  it("survives a document that is not one", () => {
    expect(operationsOf(null)).toEqual([]);
    expect(operationsOf({ paths: "nope" })).toEqual([]);
  });
});

describe("requestPath", () => {
  it("encodes path parameters in place and drops empty query values", () => {
    const op = operationsOf(document)[2];
    expect(requestPath(op, { path: { book_id: "1/../../admin" } })).toBe("/books/1%2F..%2F..%2Fadmin");
    expect(requestPath(operationsOf(document)[0], { query: { limit: 5, other: "" } })).toBe("/books?limit=5");
  });
});

describe("schemaValidator", () => {
  const op = operationsOf(document)[1];

  it("accepts a body the service's schema allows, references resolved", () => {
    const result = schemaValidator.validateFormData({ body: { title: "Dune", price: 9.5, isbn: null } }, op.schema);
    expect(result.errors).toEqual([]);
  });

  it("names the field that breaks the schema", () => {
    const result = schemaValidator.validateFormData({ body: { title: "Dune", price: "cheap" } }, op.schema);
    expect(result.errors.map((e) => e.property)).toContain(".body.price");
  });

  it("tells the form which branch of an anyOf a value takes", () => {
    expect(schemaValidator.isValid({ type: "null" }, null, op.schema)).toBe(true);
    expect(schemaValidator.isValid({ type: "string" }, null, op.schema)).toBe(false);
  });
});
