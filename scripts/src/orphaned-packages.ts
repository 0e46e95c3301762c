import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { packagesDirectory, type SpecEntry } from "./workspace.js";

/** A generated package whose spec was deleted. */
export interface OrphanedPackage {
  readonly directory: string;
  readonly generatedFrom: string;
}

/** Packages whose `package.json` says they were generated from a spec that no longer exists. */
export async function findOrphanedPackages(
  specs: readonly SpecEntry[],
  packagesRoot = packagesDirectory,
): Promise<OrphanedPackage[]> {
  const known = new Set(specs.map((spec) => spec.relativePath));
  const orphans: OrphanedPackage[] = [];
  for (const name of (await readdir(packagesRoot).catch(() => [])).sort()) {
    const directory = join(packagesRoot, name);
    const generatedFrom = await readGeneratedFrom(directory);
    if (generatedFrom !== undefined && !known.has(generatedFrom))
      orphans.push({ directory, generatedFrom });
  }
  return orphans;
}

async function readGeneratedFrom(directory: string): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(directory, "package.json"), "utf8"));
    return manifest?.loginkit?.generatedFrom;
  } catch {
    return undefined;
  }
}
