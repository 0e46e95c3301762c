import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { parse } from "yaml";
import { type Bump, isBump, largerBump } from "./bump.js";

/**
 * The largest bump that the pending changesets (`.changeset/*.md`) ask for each package, as
 * `changeset version` will apply it: several changesets for one package add up to the largest.
 */
export async function readPendingBumps(changesetDirectory: string): Promise<Map<string, Bump>> {
  const bumps = new Map<string, Bump>();
  const names = await readdir(changesetDirectory).catch(() => [] as string[]);
  for (const name of names.filter((name) => name.endsWith(".md") && name !== "README.md")) {
    const text = await readFile(join(changesetDirectory, name), "utf8");
    for (const [packageName, bump] of readFrontmatter(text)) {
      bumps.set(packageName, largerBump(bumps.get(packageName) ?? "none", bump));
    }
  }
  return bumps;
}

/** A changeset starts with `---`, then `"<package>": <bump>` lines, then `---` and the summary. */
function readFrontmatter(text: string): [string, Bump][] {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text.trimStart());
  if (!match) return [];
  const releases: unknown = parse(match[1] ?? "") ?? {};
  if (typeof releases !== "object" || releases === null) return [];
  return Object.entries(releases).filter((entry): entry is [string, Bump] => isBump(entry[1]));
}
