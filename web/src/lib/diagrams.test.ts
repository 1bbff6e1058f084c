import { erDiagramOf, mermaidId } from "./diagrams";

describe("erDiagramOf", () => {
  it("draws tables, keys and one-to-many relations", () => {
    const text = erDiagramOf([
      { name: "books", primaryKey: "id", columns: [{ name: "id", type: "INTEGER" }, { name: "price", type: "FLOAT" }] },
      {
        name: "reviews",
        primaryKey: "id",
        columns: [
          { name: "id", type: "INTEGER" },
          { name: "book_id", type: "INTEGER", references: "books.id" },
          { name: "published", type: "DATETIME" },
        ],
      },
    ]);
    expect(text).toContain("books {\n        int id PK\n        float price\n    }");
    expect(text).toContain("int book_id FK");
    expect(text).toContain("datetime published");
    expect(text).toContain('books ||--o{ reviews : "book_id"');
  });

  it("reduces hostile names to identifiers, so nothing can change the diagram's syntax", () => {
    const text = erDiagramOf([
      { name: 'x" } click x href "javascript:alert(1)', primaryKey: "id", columns: [{ name: "a\nb {", type: "str" }] },
    ]);
    expect(text).not.toMatch(/["{}]\s*click|javascript:|\n\s*b \{/);
    expect(mermaidId('x" } click')).toBe("x____click");
    expect(mermaidId("123")).toBe("t_123");
  });

  it("leaves out a relation to a table the model does not have", () => {
    expect(erDiagramOf([{ name: "a", primaryKey: "id", columns: [{ name: "z_id", type: "int", references: "z.id" }] }])).not.toContain("||--o{");
  });
});
