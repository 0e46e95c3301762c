import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import {
  type GeneratedPackage,
  generatePackage,
  unownedPackageEntries,
} from "./generate-package.js";
import { findOrphanedPackages, type OrphanedPackage } from "./orphaned-packages.js";
import { packagesDirectory, type SpecEntry } from "./workspace.js";

export interface GenerationResult {
  readonly written: readonly GeneratedPackage[];
  readonly removed: readonly OrphanedPackage[];
}

/**
 * Writes `<packagesRoot>/<id>/` for every spec and removes packages whose spec is gone, so the
 * folder holds exactly what the specs produce. Every spec is generated before anything is written:
 * one broken spec leaves every package as it was.
 */
export async function generateWorkspace(
  specs: readonly SpecEntry[],
  packagesRoot = packagesDirectory,
): Promise<GenerationResult> {
  const written = await Promise.all(
    specs.map((entry) => generatePackage(entry, join(packagesRoot, entry.id))),
  );
  for (const result of written) await writePackage(result);
  const removed = await findOrphanedPackages(specs, packagesRoot);
  for (const orphan of removed) await rm(orphan.directory, { recursive: true, force: true });
  return { written, removed };
}

async function writePackage({ directory, files }: GeneratedPackage): Promise<void> {
  await removeStaleFiles(directory, new Set(files.keys()));
  for (const [path, content] of files) {
    const target = join(directory, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, content);
  }
}

/** Files a previous generation wrote that this one does not. */
async function removeStaleFiles(directory: string, keep: ReadonlySet<string>): Promise<void> {
  const existing = await readdir(directory, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  for (const dirent of existing) {
    if (!dirent.isFile()) continue;
    const path = relative(directory, join(dirent.parentPath, dirent.name)).replaceAll("\\", "/");
    if (unownedPackageEntries.has(path.split("/")[0]!) || keep.has(path)) continue;
    await rm(join(directory, path));
  }
}
