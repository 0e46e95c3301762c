import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { repositoryRoot } from "../workspace.js";

let exported: Promise<boolean> | undefined;

/**
 * Whether @loginkit/core exports the typed-call plumbing (`createTypedClient`, issue #12): then
 * each generated `index.ts` is only what is specific to its provider; until then it carries its
 * own copy of the plumbing. Read from core's source once per process.
 */
export function coreHasTypedClient(): Promise<boolean> {
  exported ??= readFile(join(repositoryRoot, "packages/core/src/index.ts"), "utf8").then(
    (source) => /\bcreateTypedClient\b/.test(source),
    () => false,
  );
  return exported;
}
