import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { checkSpecRelease, type SpecReleaseCheck } from "./check-spec-release.js";
import { findReleaseBase, type ReleaseBase, releaseBaseAt } from "./find-release-base.js";
import { readPendingBumps } from "./read-changesets.js";

export interface WorkspaceReleaseCheck {
  /** One entry per spec that had a base to compare with. */
  readonly checks: readonly SpecReleaseCheck[];
  /** Specs left out, and why (a new package, a release in progress). */
  readonly skipped: readonly { readonly specId: string; readonly reason: string }[];
}

export interface WorkspaceReleaseOptions {
  /** The repository root: holds `specs/`, `packages/` and `.changeset/`. */
  readonly root: string;
  /** A git ref to compare every spec with; by default each spec's last release commit. */
  readonly base?: string | undefined;
}

/** Checks every `specs/*.yaml` of the workspace against its base. */
export async function checkWorkspaceRelease(
  options: WorkspaceReleaseOptions,
): Promise<WorkspaceReleaseCheck> {
  const { root } = options;
  const specIds = (await readdir(join(root, "specs")))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
  const pendingBumps = await readPendingBumps(join(root, ".changeset"));
  const checks: SpecReleaseCheck[] = [];
  const skipped: { specId: string; reason: string }[] = [];
  for (const specId of specIds) {
    const base: ReleaseBase =
      options.base === undefined
        ? await findReleaseBase(root, specId)
        : await releaseBaseAt(root, options.base, specId);
    if (base.kind === "none") {
      skipped.push({ specId, reason: base.reason });
      continue;
    }
    checks.push(
      await checkSpecRelease({
        specId,
        root,
        baseSpec: base.spec,
        baseLabel: base.label,
        pendingBumps,
      }),
    );
  }
  return { checks, skipped };
}
