import type { LoadedProvider } from "../spec/load-spec.js";
import { typescriptHeader } from "./generated-header.js";

/** `src/schema.ts`: the spec's types (`paths`, `components`, `operations`) by openapi-typescript. */
export async function renderSchema(spec: LoadedProvider): Promise<string> {
  // Loaded on first use: a `pnpm generate` with nothing to regenerate never pays for it.
  const { default: openapiTS, astToString } = await import("openapi-typescript");
  // The parsed document, not the file: parsing the YAML a second time was a third of the work.
  const ast = await openapiTS(structuredClone(spec.contract.spec.document) as never, {
    // Spec order, not alphabetical: the types read like the spec they come from.
    alphabetize: false,
    // Every response is typed, errors included, so `error` in `{ data, error }` is useful.
    defaultNonNullable: true,
    silent: true,
  });
  return `${typescriptHeader(spec)}\n${astToString(ast)}`;
}
