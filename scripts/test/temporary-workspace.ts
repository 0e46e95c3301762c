import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { listSpecs, specsDirectory, toSpecEntry } from "../src/workspace.js";

const created: string[] = [];
afterEach(async () => {
  await Promise.all(
    created.splice(0).map((directory) => rm(directory, { recursive: true, force: true })),
  );
});

/** A scratch folder with copies of the repository's specs and an empty packages folder. */
export async function createTemporaryWorkspace() {
  const root = await mkdtemp(join(tmpdir(), "loginkit-generator-"));
  created.push(root);
  const specs = join(root, "specs");
  const packages = join(root, "packages");
  const { mkdir } = await import("node:fs/promises");
  await mkdir(specs);
  await mkdir(packages);
  for (const spec of await listSpecs(specsDirectory))
    await copyFile(spec.path, join(specs, `${spec.id}.yaml`));
  return {
    root,
    packages,
    listSpecs: () => listSpecs(specs),
    spec: (id: string) => toSpecEntry(join(specs, `${id}.yaml`)),
    /** Rewrites a spec with `edit`; fails the test if the edit changed nothing. */
    async editSpec(id: string, edit: (text: string) => string) {
      const path = join(specs, `${id}.yaml`);
      const before = await readFile(path, "utf8");
      const after = edit(before);
      if (after === before) throw new Error(`the edit of ${id}.yaml changed nothing`);
      await writeFile(path, after);
      return after;
    },
  };
}

/** The 1-based line of the first occurrence of `needle` in `text`. */
export function lineOf(text: string, needle: string): number {
  const index = text.indexOf(needle);
  if (index === -1) throw new Error(`"${needle}" is not in the text`);
  return text.slice(0, index).split("\n").length;
}
