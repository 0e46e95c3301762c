import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { generatePackage } from "@loginkit/scripts/src/generate-package.js";
import type { SpecEntry } from "@loginkit/scripts/src/workspace.js";

/**
 * What a hash-aware `pnpm generate` would do (the generator has no cache of its own): hash every
 * spec, compare with the `loginkit.specSha256` its package.json records, and regenerate only the
 * specs that differ. Stale-file and orphan removal are left out: they touch only changed folders.
 */
export async function regenerateChangedSpecs(
  specs: readonly SpecEntry[],
  packagesRoot: string,
): Promise<SpecEntry[]> {
  const changed: SpecEntry[] = [];
  for (const spec of specs) {
    const sha256 = createHash("sha256")
      .update(await readFile(spec.path))
      .digest("hex");
    if (sha256 !== (await readRecordedSha256(join(packagesRoot, spec.id)))) changed.push(spec);
  }
  for (const spec of changed) {
    const generated = await generatePackage(spec, join(packagesRoot, spec.id));
    for (const [path, content] of generated.files) {
      const target = join(generated.directory, path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, content);
    }
  }
  return changed;
}

async function readRecordedSha256(directory: string): Promise<string | undefined> {
  try {
    const manifest = JSON.parse(await readFile(join(directory, "package.json"), "utf8"));
    return manifest?.loginkit?.specSha256;
  } catch {
    return undefined;
  }
}
