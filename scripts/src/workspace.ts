import { readdir } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root: two levels above this file (scripts/src). */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const specsDirectory = join(repositoryRoot, "specs");
export const packagesDirectory = join(repositoryRoot, "packages");

export interface SpecEntry {
  /** File name without extension; also the package folder and npm name: `@loginkit/<id>`. */
  readonly id: string;
  /** Absolute path of the YAML file. */
  readonly path: string;
  /** Path relative to the repository root, with forward slashes, for messages and headers. */
  readonly relativePath: string;
}

/** Every `specs/*.yaml`, sorted by name so output never depends on directory order. */
export async function listSpecs(directory = specsDirectory): Promise<SpecEntry[]> {
  const names = (await readdir(directory)).filter((name) => /\.ya?ml$/.test(name)).sort();
  return names.map((name) => toSpecEntry(join(directory, name)));
}

export function toSpecEntry(path: string): SpecEntry {
  const id = basename(path).replace(/\.ya?ml$/, "");
  const relativePath = path.startsWith(repositoryRoot)
    ? path.slice(repositoryRoot.length + 1).replaceAll("\\", "/")
    : path;
  return { id, path, relativePath };
}
