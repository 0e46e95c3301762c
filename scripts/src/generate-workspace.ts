import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { type ClientConsumer, syncClientConsumers } from "./client-consumers.js";
import {
  type GeneratedPackage,
  type GenerationRecord,
  generatedPaths,
  generatePackage,
  hashOutput,
  unownedPackageEntries,
} from "./generate-package.js";
import { readGeneratorFingerprint } from "./generator-fingerprint.js";
import { findOrphanedPackages, type OrphanedPackage } from "./orphaned-packages.js";
import { hashBytes } from "./spec/load-spec.js";
import { packagesDirectory, type SpecEntry } from "./workspace.js";

export interface GenerationResult {
  readonly written: readonly GeneratedPackage[];
  /** Specs whose package already records this spec, this generator and untouched output. */
  readonly skipped: readonly SpecEntry[];
  readonly removed: readonly OrphanedPackage[];
  /** Packages whose list of generated clients was brought in line with `specs/`. */
  readonly consumers: readonly ClientConsumer[];
}

export interface GenerationOptions {
  /** Regenerate every spec, even those whose recorded hashes match. @default false */
  readonly force?: boolean;
}

/**
 * Writes `<packagesRoot>/<id>/` for every spec whose package does not already record the same
 * spec hash, generator fingerprint and output (or every spec, with `force`), removes packages
 * whose spec is gone, and keeps the packages that consume every client listing them all.
 * Every changed spec is generated before anything is written: one broken spec leaves every
 * package as it was.
 */
export async function generateWorkspace(
  specs: readonly SpecEntry[],
  packagesRoot = packagesDirectory,
  options: GenerationOptions = {},
): Promise<GenerationResult> {
  const generatorSha256 = await readGeneratorFingerprint();
  const outcomes = await Promise.all(
    specs.map(async (entry) => {
      const directory = join(packagesRoot, entry.id);
      const bytes = await readFile(entry.path);
      if (!options.force && (await isUpToDate(directory, hashBytes(bytes), generatorSha256)))
        return entry;
      return generatePackage(entry, directory, bytes);
    }),
  );
  const written = outcomes.filter((outcome) => "files" in outcome);
  const skipped = outcomes.filter((outcome): outcome is SpecEntry => !("files" in outcome));
  for (const result of written) await writePackage(result);
  const removed = await findOrphanedPackages(specs, packagesRoot);
  for (const orphan of removed) await rm(orphan.directory, { recursive: true, force: true });
  const consumers = await syncClientConsumers(specs, packagesRoot);
  return { written, skipped, removed, consumers };
}

/**
 * Whether a package was generated from these spec bytes by this generator and its files are as
 * written: the recorded output hash is checked against the files, so a hand edit is restored.
 */
async function isUpToDate(
  directory: string,
  specSha256: string,
  generatorSha256: string,
): Promise<boolean> {
  const manifest = await readFile(join(directory, "package.json"), "utf8").catch(() => undefined);
  const record =
    manifest === undefined
      ? undefined
      : (JSON.parse(manifest)?.loginkit as Partial<GenerationRecord> | undefined);
  if (record?.specSha256 !== specSha256 || record.generatorSha256 !== generatorSha256) return false;
  // The files this generator writes, read together; a missing one means regenerating.
  const contents = await Promise.all(
    generatedPaths.map((path) => readFile(join(directory, path), "utf8").catch(() => undefined)),
  );
  if (contents.some((content) => content === undefined)) return false;
  const files = new Map(generatedPaths.map((path, index) => [path, contents[index]!]));
  return hashOutput(files) === record.outputSha256;
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
  for (const path of await listOwnedFiles(directory)) {
    if (!keep.has(path)) await rm(join(directory, path));
  }
}

/** Every file of a package folder the generator owns, relative, with forward slashes. */
async function listOwnedFiles(directory: string): Promise<string[]> {
  const existing = await readdir(directory, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return existing
    .filter((dirent) => dirent.isFile())
    .map((dirent) =>
      relative(directory, join(dirent.parentPath, dirent.name)).replaceAll("\\", "/"),
    )
    .filter((path) => !unownedPackageEntries.has(path.split("/")[0]!));
}
