import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { SpecError } from "../errors/SpecError.js";
import { parseSpecText } from "../sources/parse-spec-text.js";
import type { XLoginkit } from "./read-x-loginkit.js";

export interface LoadedSpec {
  /** The file name without extension, like the generated client packages use. */
  readonly id: string;
  readonly path: string;
  /** The file's text, as read. */
  readonly source: string;
  readonly document: Record<string, unknown>;
  readonly loginkit: XLoginkit;
}

/** Reads a spec file through the contract: parsed once, `x-loginkit` validated, errors with lines. */
export function loadSpec(path: string): LoadedSpec {
  let source: string;
  try {
    source = readFileSync(path, "utf8");
  } catch (cause) {
    throw new SpecError("cannot read the spec", path, { cause });
  }
  return parseSpecText({ id: basename(path, extname(path)), specText: source }, path);
}
