import type { RJSFSchema } from "@rjsf/utils";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

export interface Operation {
  method: string;
  path: string;
  summary: string;
  /** the form's schema: path and query parameters, and the JSON body when there is one */
  schema: RJSFSchema;
  hasBody: boolean;
}

const METHODS = ["get", "post", "put", "patch", "delete"];

function parameterSchema(parameters: Json[], where: string): RJSFSchema | null {
  const own = parameters.filter((p) => p && p.in === where);
  if (own.length === 0) return null;
  return {
    type: "object",
    title: where === "path" ? "Path parameters" : "Query parameters",
    properties: Object.fromEntries(own.map((p) => [p.name, { title: p.name, ...(p.schema ?? { type: "string" }) }])),
    required: own.filter((p) => p.required || where === "path").map((p) => p.name),
  };
}

/** The operations of a service's OpenAPI document, each with a form schema for the API tester. */
export function operationsOf(document: Json): Operation[] {
  const operations: Operation[] = [];
  const paths = document && typeof document.paths === "object" ? document.paths : {};
  for (const [path, item] of Object.entries<Json>(paths)) {
    for (const method of METHODS) {
      const op = item?.[method];
      if (!op) continue;
      const parameters: Json[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const properties: Record<string, RJSFSchema> = {};
      const required: string[] = [];
      const pathParams = parameterSchema(parameters, "path");
      const queryParams = parameterSchema(parameters, "query");
      if (pathParams) {
        properties.path = pathParams;
        required.push("path");
      }
      if (queryParams) properties.query = queryParams;
      const body = op.requestBody?.content?.["application/json"]?.schema;
      if (body) {
        properties.body = { title: "JSON body", ...body };
        if (op.requestBody.required) required.push("body");
      }
      operations.push({
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? op.operationId ?? "",
        schema: {
          type: "object",
          properties,
          required,
          ...(document.components ? { components: document.components } : {}),
        } as RJSFSchema,
        hasBody: Boolean(body),
      });
    }
  }
  return operations;
}

/** The request path for an operation: each path parameter in its place, encoded, and the query. */
export function requestPath(operation: Operation, values: { path?: Record<string, unknown>; query?: Record<string, unknown> }): string {
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = values.path?.[name];
    return encodeURIComponent(value === undefined || value === null ? "" : String(value));
  });
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(values.query ?? {})) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}
