import { Validator, type Schema } from "@cfworker/json-schema";
import {
  toErrorSchema,
  type CustomValidator,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type ValidationData,
  type ValidatorType,
} from "@rjsf/utils";

/**
 * The form library's validator on @cfworker/json-schema, which interprets schemas instead of
 * compiling them to functions: the UI's Content-Security-Policy allows no eval, so an
 * ajv-compiled validator could not run. Drafts up to 2020-12 (OpenAPI 3.1's).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Data = any;

function withRoot(schema: RJSFSchema, root: RJSFSchema | undefined): Schema {
  if (!root || root === schema) return schema as Schema;
  const extra: Record<string, unknown> = {};
  for (const key of ["components", "$defs", "definitions"] as const) {
    if (root[key as keyof RJSFSchema] !== undefined && schema[key as keyof RJSFSchema] === undefined) {
      extra[key] = root[key as keyof RJSFSchema];
    }
  }
  return { ...schema, ...extra } as Schema;
}

function check(schema: Schema, data: Data) {
  return new Validator(schema, "2020-12", false).validate(data === undefined ? null : data);
}

function errorsOf(schema: Schema, data: Data): RJSFValidationError[] {
  const result = check(schema, data);
  if (result.valid) return [];
  return result.errors
    .filter((e) => !["properties", "allOf", "anyOf", "oneOf", "$ref", "items"].includes(e.keyword))
    .map((e) => {
      const property = e.instanceLocation.replace(/^#/, "").split("/").filter(Boolean).map((p) => `.${p}`).join("");
      const message = e.error.replace(/^Instance( at "[^"]*")? /, "");
      return { name: e.keyword, property, message, stack: `${property || "."} ${message}`.trim(), schemaPath: e.keywordLocation };
    });
}

export const schemaValidator: ValidatorType<Data, RJSFSchema> = {
  validateFormData(
    formData: Data,
    schema: RJSFSchema,
    _customValidate?: CustomValidator<Data, RJSFSchema>,
    transformErrors?: ErrorTransformer<Data, RJSFSchema>,
  ): ValidationData<Data> {
    let errors = errorsOf(schema as Schema, formData);
    if (transformErrors) errors = transformErrors(errors);
    return { errors, errorSchema: toErrorSchema<Data>(errors) };
  },
  isValid(schema: RJSFSchema, formData: Data, rootSchema: RJSFSchema): boolean {
    try {
      return check(withRoot(schema, rootSchema), formData).valid;
    } catch {
      return false;
    }
  },
  rawValidation<Result = Data>(schema: RJSFSchema, formData?: Data) {
    try {
      return { errors: errorsOf(schema as Schema, formData) as unknown as Result[] };
    } catch (failure) {
      return { validationError: failure as Error };
    }
  },
};
