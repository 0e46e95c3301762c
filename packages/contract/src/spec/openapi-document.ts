/** The parts of an OpenAPI 3.x document loginkit reads; the rest passes through untyped. */
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

/** A location in a document: keys and array indexes from the root. */
export type DocumentPath = readonly (string | number)[];
