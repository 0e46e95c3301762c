import { CORE_SCHEMA, load } from "js-yaml";
import { createLineLocator, describeYamlErrors } from "./locate-line.js";
import type { DocumentPath, OpenApiDocument } from "./openapi-document.js";
import { SpecError, SpecErrors } from "./spec-error.js";

/** A parsed spec that can still say on which line any of its values stands. */
export interface LoadedSpec {
  /** The file as messages name it. */
  readonly file: string;
  /** The spec as plain data. */
  readonly document: OpenApiDocument;
  /** The 1-based line of the value at `path` (or of its nearest parent that exists). */
  lineOf(path: DocumentPath): number | undefined;
  /** A `SpecError` located at `path`. */
  errorAt(path: DocumentPath, problem: string): SpecError;
}

/**
 * Parses a spec's text once. The happy path uses js-yaml (YAML 1.2 core schema: no timestamps or
 * other surprises, so a date stays a string), which is several times faster than a parse that keeps
 * every node's position; lines are found with such a parse only when an error needs one.
 * Throws `SpecErrors` for invalid YAML and for a document that is not an OpenAPI 3.0/3.1 spec.
 */
export function parseSpec(text: string, file: string): LoadedSpec {
  let document: unknown;
  try {
    document = load(text, { schema: CORE_SCHEMA, filename: file });
  } catch {
    const problems = describeYamlErrors(text);
    throw new SpecErrors(
      (problems.length > 0 ? problems : [{ line: undefined, problem: "unreadable" }]).map(
        ({ line, problem }) => new SpecError(file, line, `invalid YAML: ${problem}`),
      ),
    );
  }
  return specFromDocument(document, file, createLineLocator(text));
}

/**
 * A spec from an already parsed document (the lint plugin gets one from redocly): `lineOf` comes
 * from whoever parsed it.
 */
export function specFromDocument(
  document: unknown,
  file: string,
  lineOf: (path: DocumentPath) => number | undefined = () => undefined,
): LoadedSpec {
  const spec: LoadedSpec = {
    file,
    document: document as OpenApiDocument,
    lineOf,
    errorAt: (path, problem) => new SpecError(file, lineOf(path), problem, path),
  };
  assertIsOpenApi(spec);
  return spec;
}

function assertIsOpenApi(spec: LoadedSpec): void {
  const { document } = spec;
  const fail = (path: DocumentPath, problem: string) => {
    throw new SpecErrors([spec.errorAt(path, problem)]);
  };
  if (typeof document !== "object" || document === null || typeof document.openapi !== "string") {
    fail([], "not an OpenAPI document: the `openapi` version field is missing");
  }
  if (!/^3\.[01]\./.test(document.openapi)) {
    fail(["openapi"], `OpenAPI ${document.openapi} is not supported: use 3.0.x or 3.1.x`);
  }
  if (typeof document.paths !== "object" || document.paths === null) {
    fail([], "the spec has no `paths`");
  }
  if (typeof document.info?.title !== "string" || typeof document.info?.version !== "string") {
    fail(["info"], "`info.title` and `info.version` are required");
  }
}

/**
 * One provider, one file: a `$ref` into another file would not resolve where the spec is
 * handed over already parsed (to openapi-typescript, to the simulator).
 */
export function findExternalReferences(spec: LoadedSpec): SpecError[] {
  const found: SpecError[] = [];
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value !== "object" || value === null) return;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && !ref.startsWith("#")) {
      found.push(
        spec.errorAt(
          [...path, "$ref"],
          `\`$ref: ${ref}\` points outside the spec: keep each provider in one file`,
        ),
      );
    }
    for (const [key, child] of Object.entries(value))
      visit(child, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  visit(spec.document, []);
  return found;
}
