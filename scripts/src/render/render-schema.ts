import { pathToFileURL } from "node:url";
import openapiTS, { astToString } from "openapi-typescript";
import type { LoadedSpec } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";

/** `src/schema.ts`: the spec's types (`paths`, `components`, `operations`) by openapi-typescript. */
export async function renderSchema(spec: LoadedSpec): Promise<string> {
  const ast = await openapiTS(pathToFileURL(spec.entry.path), {
    // Spec order, not alphabetical: the types read like the spec they come from.
    alphabetize: false,
    // Every response is typed, errors included, so `error` in `{ data, error }` is useful.
    defaultNonNullable: true,
    silent: true,
  });
  return `${typescriptHeader(spec)}\n${astToString(ast)}`;
}
