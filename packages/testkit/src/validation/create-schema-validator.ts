import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";

// ajv-formats is CommonJS: under NodeNext its default import is the module object.
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const SPEC_ID = "urn:loginkit:spec";

/** Validates values against schemas of one spec, each named by its JSON pointer in the spec. */
export interface SchemaValidator {
  /** The problems of `value` against the schema at `pointer`, as `field: message`; empty when valid. */
  validate(pointer: string, value: unknown): string[];
  /** The same problems, one per field, with what the schema wanted and the value found. */
  explain(pointer: string, value: unknown): FieldProblem[];
}

/** One field of a value that breaks its schema. */
export interface FieldProblem {
  /** Dotted path, e.g. `session.expires_at`; `body` for the whole value. */
  readonly field: string;
  /** What the schema wants, in ajv's words, e.g. `must be integer`. */
  readonly expected: string;
  /** The value found; `undefined` when the field is missing. */
  readonly got: unknown;
  readonly missing: boolean;
}

/**
 * OpenAPI 3.1 schemas are JSON Schema 2020-12, so ajv's 2020 build validates them as they are.
 * The whole document is registered once and each schema is compiled by pointer, so `$ref`s
 * between components resolve without dereferencing the spec.
 */
export function createSchemaValidator(document: Record<string, unknown>): SchemaValidator {
  // strict off: specs carry OpenAPI keywords (example, x-assumed, discriminator...) ajv does not know.
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateSchema: false, logger: false });
  addFormats(ajv);
  ajv.addSchema(document, SPEC_ID);
  const compiled = new Map<string, ValidateFunction>();

  const compile = (pointer: string): ValidateFunction => {
    let check = compiled.get(pointer);
    if (check === undefined) {
      const fragment = pointer
        .split("/")
        .map((segment) => encodeURIComponent(segment))
        .join("/");
      check = ajv.compile({ $ref: `${SPEC_ID}#${fragment}` });
      compiled.set(pointer, check);
    }
    return check;
  };

  return {
    validate(pointer, value) {
      const check = compile(pointer);
      return check(value) ? [] : describeValidationErrors(check.errors ?? []);
    },
    explain(pointer, value) {
      const check = compile(pointer);
      return check(value) ? [] : explainValidationErrors(check.errors ?? [], value);
    },
  };
}

/** ajv's errors as fields: a missing one names the property, an extra one its own name. */
export function explainValidationErrors(
  errors: readonly ErrorObject[],
  value: unknown,
): FieldProblem[] {
  const seen = new Set<string>();
  return errors
    .filter((error) => error.keyword !== "oneOf" || errors.length === 1)
    .flatMap((error) => {
      const params = error.params as { missingProperty?: string; additionalProperty?: string };
      const segments = error.instancePath.split("/").slice(1).map(unescapeSegment);
      const member = params.missingProperty ?? params.additionalProperty;
      const fieldSegments = member === undefined ? segments : [...segments, member];
      const field = fieldSegments.join(".") || "body";
      const missing = params.missingProperty !== undefined;
      const expected = missing
        ? "present (required)"
        : params.additionalProperty !== undefined
          ? "absent (not in the schema)"
          : (error.message ?? error.keyword);
      const key = `${field}\n${expected}`;
      if (seen.has(key)) return [];
      seen.add(key);
      return [
        { field, expected, got: missing ? undefined : readAt(value, fieldSegments), missing },
      ];
    });
}

function unescapeSegment(segment: string): string {
  return segment.replaceAll("~1", "/").replaceAll("~0", "~");
}

function readAt(value: unknown, segments: readonly string[]): unknown {
  let current = value;
  for (const segment of segments) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/** `password: must NOT have fewer than 10 characters`: the field first, as a user would read it. */
export function describeValidationErrors(errors: readonly ErrorObject[]): string[] {
  const described = errors
    // A failed oneOf also reports every branch; the branch errors say more than "must match".
    .filter((error) => error.keyword !== "oneOf" || errors.length === 1)
    .map((error) => {
      const params = error.params as { missingProperty?: string; additionalProperty?: string };
      const path = error.instancePath.slice(1).replaceAll("/", ".");
      const member = params.missingProperty ?? params.additionalProperty;
      const field = [path, member].filter(Boolean).join(".") || "body";
      const detail = params.additionalProperty ? `${error.message} (${member})` : error.message;
      return `${field}: ${detail}`;
    });
  return [...new Set(described)];
}
