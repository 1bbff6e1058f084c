import type { Architecture } from "./types";

/** An identifier Mermaid's ER syntax accepts, from any table or column name. */
export function mermaidId(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, "_").replace(/^_+|_+$/g, "");
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `t_${cleaned || "unnamed"}`;
}

function columnType(type: string): string {
  const t = type.toLowerCase();
  if (t.includes("int")) return "int";
  if (t.includes("float") || t.includes("double") || t.includes("real") || t.includes("numeric") || t.includes("decimal")) return "float";
  if (t.includes("bool")) return "bool";
  if (t.includes("datetime") || t.includes("timestamp")) return "datetime";
  if (t.includes("date")) return "date";
  return "string";
}

/**
 * The data model as a Mermaid ER diagram: each table with its columns (PK, FK), and a one-to-many
 * relation for each column that references another table. Names from the plan are reduced to
 * identifiers, so nothing in them can change the diagram's syntax.
 */
export function erDiagramOf(dataModel: Architecture["dataModel"]): string {
  const lines = ["erDiagram"];
  const tables = new Set(dataModel.map((t) => mermaidId(t.name)));
  const relations: string[] = [];
  for (const table of dataModel) {
    const id = mermaidId(table.name);
    lines.push(`    ${id} {`);
    for (const column of table.columns) {
      const keys = [
        column.name === table.primaryKey ? "PK" : null,
        column.references ? "FK" : null,
      ].filter(Boolean);
      lines.push(`        ${columnType(column.type)} ${mermaidId(column.name)}${keys.length ? " " + keys.join(", ") : ""}`);
      if (column.references) {
        const target = mermaidId(String(column.references).split(".")[0]);
        if (tables.has(target)) relations.push(`    ${target} ||--o{ ${id} : "${mermaidId(column.name)}"`);
      }
    }
    lines.push("    }");
  }
  return [...lines, ...relations].join("\n");
}
