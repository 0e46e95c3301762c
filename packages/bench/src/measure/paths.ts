import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** packages/bench: two levels above this file (src/measure). */
export const benchRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const repositoryRoot = resolve(benchRoot, "../..");
