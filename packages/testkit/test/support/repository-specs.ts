import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The repository's `specs/` folder. */
export const SPECS = fileURLToPath(new URL("../../../../specs/", import.meta.url));

/** The ids of the repository's specs (`specs/*.yaml`), sorted: what testkit ships. */
export const repositorySpecIds = readdirSync(SPECS)
  .filter((name) => name.endsWith(".yaml"))
  .map((name) => name.replace(/\.yaml$/, ""))
  .sort();
