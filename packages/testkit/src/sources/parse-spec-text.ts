import { parse } from "yaml";
import { SpecError } from "../errors/SpecError.js";
import type { LoadedSpec } from "../spec/load-spec.js";
import { readXLoginkit } from "../spec/read-x-loginkit.js";

/** A spec given as text (YAML or JSON), for runtimes without a file system. */
export interface SpecText {
  /** The provider id, as a spec's file name would give it, e.g. `acme-shop`. */
  readonly id: string;
  readonly specText: string;
}

/** The same as `loadSpec` for a file, from text: `path` names it in errors. */
export function parseSpecText({ id, specText }: SpecText, path = `${id}.yaml`): LoadedSpec {
  let document: unknown;
  try {
    document = parse(specText);
  } catch (cause) {
    throw new SpecError("cannot parse the spec", path, { cause });
  }
  if (document === null || typeof document !== "object") {
    throw new SpecError("the spec is not a YAML or JSON object", path);
  }
  const record = document as Record<string, unknown>;
  return { id, path, source: specText, document: record, loginkit: readXLoginkit(record, path) };
}
