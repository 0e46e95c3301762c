import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { git, readFileAt } from "./git.js";

/** Where a spec's changes are counted from, and the spec as it was there. */
export type ReleaseBase =
  | { readonly kind: "commit"; readonly ref: string; readonly label: string; readonly spec: string }
  /** Nothing to compare with: a new package, or a release being prepared in the working tree. */
  | { readonly kind: "none"; readonly reason: string };

/**
 * The default base of a spec: the last commit that changed its package's `version`.
 *
 * Why: on main the merge base with main is HEAD, so "since the merge base" would see nothing
 * committed. What must be covered by changesets is every change not yet released, and a package
 * is released from the commit where `changeset version` (`pnpm version-packages`) moved its
 * version (or where it was created, for its first version). The generator never moves the
 * version, so regenerating after a spec edit does not move the base.
 *
 * If the working tree's version already differs from that commit's, `changeset version` has run
 * and not been committed yet: the changesets were consumed into this release, nothing to check.
 */
export async function findReleaseBase(root: string, id: string): Promise<ReleaseBase> {
  const manifest = `packages/${id}/package.json`;
  const specPath = `specs/${id}.yaml`;
  const commit = await git(root, ["log", "-1", "--format=%H", "-G", '"version":', "--", manifest]);
  if (commit === "")
    return { kind: "none", reason: `${manifest} was never committed: a new package` };

  const releasedVersion = readVersion(await readFileAt(root, commit, manifest));
  const workingVersion = readVersion(
    await readFile(join(root, manifest), "utf8").catch(() => undefined),
  );
  if (workingVersion !== releasedVersion) {
    return {
      kind: "none",
      reason: `${manifest} moved from ${releasedVersion} to ${workingVersion}: being released now`,
    };
  }

  const spec = await readFileAt(root, commit, specPath);
  if (spec === undefined)
    return { kind: "none", reason: `${specPath} did not exist at its release` };
  const short = commit.slice(0, 10);
  return {
    kind: "commit",
    ref: commit,
    label: `${specPath}@${short} (release of ${releasedVersion})`,
    spec,
  };
}

/** The base given with `--base <ref>`: the same ref for every spec. */
export async function releaseBaseAt(root: string, ref: string, id: string): Promise<ReleaseBase> {
  const specPath = `specs/${id}.yaml`;
  const spec = await readFileAt(root, ref, specPath);
  if (spec === undefined) return { kind: "none", reason: `${specPath} did not exist at ${ref}` };
  return { kind: "commit", ref, label: `${specPath}@${ref}`, spec };
}

function readVersion(manifest: string | undefined): string | undefined {
  if (manifest === undefined) return undefined;
  const parsed = JSON.parse(manifest) as { version?: unknown };
  return typeof parsed.version === "string" ? parsed.version : undefined;
}
