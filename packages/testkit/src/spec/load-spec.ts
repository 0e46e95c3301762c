import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { parse } from "yaml";
import { SpecError } from "../errors/SpecError.js";
import { readXLoginkit, type XLoginkit } from "./read-x-loginkit.js";

export interface LoadedSpec {
  /** The file name without extension, like the generated client packages use. */
  readonly id: string;
  readonly path: string;
  /** The file's text, as read. */
  readonly source: string;
  readonly document: Record<string, unknown>;
  readonly loginkit: XLoginkit;
}

export function loadSpec(path: string): LoadedSpec {
  let document: unknown;
  let source = "";
  try {
    source = readFileSync(path, "utf8");
    document = parse(source);
  } catch (cause) {
    throw new SpecError("cannot read or parse the spec", path, { cause });
  }
  if (document === null || typeof document !== "object") {
    throw new SpecError("the spec is not a YAML or JSON object", path);
  }
  const record = document as Record<string, unknown>;
  return {
    id: basename(path, extname(path)),
    path,
    source,
    document: record,
    loginkit: readXLoginkit(record, path),
  };
}
