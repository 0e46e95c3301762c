import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: three levels above this file (packages/release-tests/src). */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
export const packagesDirectory = join(repositoryRoot, "packages");
/** Long-lived downloads (verdaccio, Node 24) kept between runs, inside this package. */
export const toolCacheDirectory = resolve(
  dirname(fileURLToPath(import.meta.url)),
  "../node_modules/.cache/release-tests",
);
