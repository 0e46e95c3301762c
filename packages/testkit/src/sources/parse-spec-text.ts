import { parseSpec } from "@loginkit/contract";
import type { LoadedSpec } from "../spec/load-spec.js";
import { readValidatedXLoginkit } from "../spec/read-x-loginkit.js";

/** A spec given as text (YAML or JSON), for runtimes without a file system. */
export interface SpecText {
  /** The provider id, as a spec's file name would give it, e.g. `acme-shop`. */
  readonly id: string;
  readonly specText: string;
}

/** The same as `loadSpec` for a file, from text, through the contract: `path` names it in errors. */
export function parseSpecText({ id, specText }: SpecText, path = `${id}.yaml`): LoadedSpec {
  let document: Record<string, unknown> = {};
  const loginkit = readValidatedXLoginkit(() => {
    const spec = parseSpec(specText, path);
    document = spec.document;
    return spec;
  }, path);
  return { id, path, source: specText, document, loginkit };
}
