import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { type Document, isNode, LineCounter, parseDocument } from "yaml";
import type { SpecEntry } from "../workspace.js";
import { SpecError, SpecErrors } from "./spec-error.js";

/** A parsed spec that can still say on which line any of its values stands. */
export interface LoadedSpec {
  readonly entry: SpecEntry;
  /** The spec as plain data. */
  readonly document: OpenApiDocument;
  /** sha256 of the file's bytes: recorded in generated files, so drift is a hash mismatch. */
  readonly sha256: string;
  /** The 1-based line of the value at `path` (or of its nearest parent that exists). */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** A `SpecError` located at `path`. */
  errorAt(path: readonly (string | number)[], problem: string): SpecError;
}

/** The parts of an OpenAPI document the generator reads; the rest passes through untyped. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; description?: string };
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, unknown>>;
  components?: Record<string, Record<string, unknown>>;
  security?: Record<string, string[]>[];
  "x-loginkit"?: unknown;
  [key: string]: unknown;
}

export async function loadSpec(entry: SpecEntry): Promise<LoadedSpec> {
  const bytes = await readFile(entry.path);
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(bytes.toString("utf8"), { lineCounter, prettyErrors: true });
  if (yamlDocument.errors.length > 0) {
    throw new SpecErrors(
      yamlDocument.errors.map(
        (error) =>
          new SpecError(
            entry.relativePath,
            error.linePos?.[0].line,
            `invalid YAML: ${firstLine(error.message)}`,
          ),
      ),
    );
  }
  const document = yamlDocument.toJS() as OpenApiDocument;
  const lineOf = (path: readonly (string | number)[]) => findLine(yamlDocument, lineCounter, path);
  const spec: LoadedSpec = {
    entry,
    document,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    lineOf,
    errorAt: (path, problem) => new SpecError(entry.relativePath, lineOf(path), problem),
  };
  assertIsOpenApi(spec);
  assertSelfContained(spec);
  return spec;
}

/**
 * One provider, one file: the generator hands the parsed document to openapi-typescript (a second
 * parse of the file was a third of the work), so a `$ref` into another file would not resolve.
 */
function assertSelfContained(spec: LoadedSpec): void {
  const visit = (value: unknown, path: (string | number)[]): void => {
    if (typeof value !== "object" || value === null) return;
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === "string" && !ref.startsWith("#")) {
      throw spec.errorAt(
        [...path, "$ref"],
        `\`$ref: ${ref}\` points outside the spec: keep each provider in one file`,
      );
    }
    for (const [key, child] of Object.entries(value))
      visit(child, [...path, Array.isArray(value) ? Number(key) : key]);
  };
  visit(spec.document, []);
}

function assertIsOpenApi(spec: LoadedSpec): void {
  const { document } = spec;
  if (typeof document !== "object" || document === null || typeof document.openapi !== "string") {
    throw spec.errorAt([], "not an OpenAPI document: the `openapi` version field is missing");
  }
  if (!/^3\.[01]\./.test(document.openapi)) {
    throw spec.errorAt(
      ["openapi"],
      `OpenAPI ${document.openapi} is not supported: use 3.0.x or 3.1.x`,
    );
  }
  if (typeof document.paths !== "object" || document.paths === null) {
    throw spec.errorAt([], "the spec has no `paths`");
  }
  if (typeof document.info?.title !== "string" || typeof document.info?.version !== "string") {
    throw spec.errorAt(["info"], "`info.title` and `info.version` are required");
  }
}

function findLine(
  document: Document,
  lineCounter: LineCounter,
  path: readonly (string | number)[],
): number | undefined {
  // Walk up until a node exists: an error about a missing key points at its parent.
  for (let length = path.length; length >= 0; length--) {
    const node = length === 0 ? document.contents : document.getIn(path.slice(0, length), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
}

/** The problem without the code frame and position that `yaml` appends (the line is said already). */
function firstLine(text: string): string {
  return (text.split("\n")[0] ?? text).replace(/ at line \d+, column \d+:?$/, "");
}
