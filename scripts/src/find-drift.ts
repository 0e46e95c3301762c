import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { findClientConsumers } from "./client-consumers.js";
import { generatePackage, unownedPackageEntries } from "./generate-package.js";
import { findOrphanedPackages } from "./orphaned-packages.js";
import type { SpecEntry } from "./workspace.js";

export interface Drift {
  /** The spec concerned, relative to the repository root. */
  readonly spec: string;
  /** The file concerned, absolute. */
  readonly file: string;
  readonly reason: string;
}

/** Every difference between what the specs generate and what `packages/` holds. */
export async function findDrift(
  specs: readonly SpecEntry[],
  packagesRoot?: string,
): Promise<Drift[]> {
  const drift: Drift[] = [];
  for (const entry of specs) {
    const generated = await generatePackage(
      entry,
      packagesRoot ? join(packagesRoot, entry.id) : undefined,
    );
    const recordedHash = await readRecordedHash(generated.directory);
    const hashNote =
      recordedHash && recordedHash !== hashOf(generated.files)
        ? ` (the spec changed since it was generated: sha256 ${recordedHash.slice(0, 12)}… → ${hashOf(generated.files)?.slice(0, 12)}…)`
        : "";
    for (const [path, expected] of generated.files) {
      const file = join(generated.directory, path);
      const actual = await readFile(file, "utf8").catch(() => undefined);
      if (actual === undefined)
        drift.push({ spec: entry.relativePath, file, reason: `missing${hashNote}` });
      else if (actual !== expected)
        drift.push({
          spec: entry.relativePath,
          file,
          reason: `${describeDifference(actual, expected)}${hashNote}`,
        });
    }
    for (const file of await listOwnedFiles(generated.directory)) {
      const path = relative(generated.directory, file).replaceAll("\\", "/");
      if (!generated.files.has(path)) {
        drift.push({
          spec: entry.relativePath,
          file,
          reason: "not generated from the spec: hand-written code belongs in packages/core",
        });
      }
    }
  }
  for (const consumer of await findClientConsumers(specs, packagesRoot)) {
    if (consumer.inSync) continue;
    drift.push({
      spec: "specs/",
      file: consumer.manifestPath,
      reason: `its ${consumer.section} must list exactly the generated clients of specs/ (it consumes every client)`,
    });
  }
  for (const orphan of await findOrphanedPackages(specs, packagesRoot)) {
    drift.push({
      spec: orphan.generatedFrom,
      file: orphan.directory,
      reason: "its spec no longer exists",
    });
  }
  return drift;
}

function hashOf(files: ReadonlyMap<string, string>): string | undefined {
  return JSON.parse(files.get("package.json") ?? "{}")?.loginkit?.specSha256;
}

async function readRecordedHash(directory: string): Promise<string | undefined> {
  const text = await readFile(join(directory, "package.json"), "utf8").catch(() => undefined);
  return text ? JSON.parse(text)?.loginkit?.specSha256 : undefined;
}

/** The first differing line, so a reviewer sees at once whether it is a hand edit or a spec change. */
function describeDifference(actual: string, expected: string): string {
  const actualLines = actual.split("\n");
  const expectedLines = expected.split("\n");
  const index = actualLines.findIndex((line, i) => line !== expectedLines[i]);
  const line = index === -1 ? Math.min(actualLines.length, expectedLines.length) + 1 : index + 1;
  return `differs from the generated output, first at line ${line}`;
}

async function listOwnedFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(
    () => [],
  );
  return entries
    .filter((dirent) => dirent.isFile())
    .map((dirent) => join(dirent.parentPath, dirent.name))
    .filter((file) => !unownedPackageEntries.has(relative(directory, file).split(/[\\/]/)[0]!))
    .sort();
}
