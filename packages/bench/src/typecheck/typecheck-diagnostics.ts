import { execFile } from "node:child_process";
import { createRequire } from "node:module";
import { promisify } from "node:util";

/** What `tsc --extendedDiagnostics` says about one compilation, in numbers. */
export interface TypecheckDiagnostics {
  readonly files: number;
  readonly types: number;
  readonly instantiations: number;
  readonly memoryBytes: number;
  readonly checkMilliseconds: number;
  readonly totalMilliseconds: number;
}

const tscPath = createRequire(import.meta.url).resolve("typescript/lib/tsc.js");

/**
 * `tsc --extendedDiagnostics --noEmit` on one file with the workspace's compiler options
 * (tsconfig.base.json: strict, NodeNext, skipLibCheck), in a fresh process. `typeRoots` points at
 * an empty folder so no `@types` package is pulled in by default: only what the file imports
 * counts. Fails when the file does not type-check: a broken consumer measures nothing.
 */
export async function runTypecheck(
  file: string,
  emptyTypeRoots: string,
): Promise<TypecheckDiagnostics> {
  const args = [
    tscPath,
    "--extendedDiagnostics",
    "--noEmit",
    "--strict",
    "--target",
    "ES2022",
    "--lib",
    "ES2023,DOM,DOM.Iterable",
    "--module",
    "NodeNext",
    "--moduleResolution",
    "NodeNext",
    "--skipLibCheck",
    "--typeRoots",
    emptyTypeRoots,
    file,
  ];
  let output: string;
  try {
    ({ stdout: output } = await promisify(execFile)(process.execPath, args));
  } catch (error) {
    const { stdout = "" } = error as { stdout?: string };
    throw new Error(`${file} does not type-check:\n${stdout.split("\nFiles:")[0]}`);
  }
  const read = (label: string) => {
    const match = output.match(new RegExp(`^${label}:\\s+([\\d.]+)(K|s)?$`, "m"));
    if (!match) throw new Error(`tsc printed no "${label}" for ${file}`);
    const value = Number(match[1]);
    return match[2] === "K" ? value * 1024 : match[2] === "s" ? value * 1000 : value;
  };
  return {
    files: read("Files"),
    types: read("Types"),
    instantiations: read("Instantiations"),
    memoryBytes: read("Memory used"),
    checkMilliseconds: read("Check time"),
    totalMilliseconds: read("Total time"),
  };
}
