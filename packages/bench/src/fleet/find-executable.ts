import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";

/** The path of `name` on PATH (or `candidates`), or a failure saying how to install it. */
export function findExecutable(name: string, install: string, candidates: string[] = []): string {
  const directories = (process.env.PATH ?? "").split(delimiter).filter(Boolean);
  for (const path of [...candidates, ...directories.map((directory) => join(directory, name))]) {
    try {
      accessSync(path, constants.X_OK);
      return path;
    } catch {
      // Not here; try the next place.
    }
  }
  throw new Error(`${name} is not installed: ${install}`);
}
