import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { type Bump, bumpBetween, bumpCovers } from "./bump.js";
import { diffSpecs, type SpecChange } from "./diff-specs.js";

/** What one spec's changes since its base require, and whether the workspace provides it. */
export interface SpecReleaseCheck {
  readonly specId: string;
  /** `specs/<id>.yaml` */
  readonly specPath: string;
  readonly packageName: string;
  readonly baseLabel: string;
  /** The bump the changes require; `none` when the spec describes the same API as its base. */
  readonly required: Bump;
  /** Every change of the required impact: the ones that decide the bump. */
  readonly drivingChanges: readonly SpecChange[];
  /** The largest bump the pending changesets give the package. */
  readonly changesetBump: Bump;
  readonly infoVersion: { readonly base: string; readonly current: string };
  /** How far `info.version` moved; `undefined` when it went down or is not `x.y.z`. */
  readonly infoVersionBump: Bump | undefined;
  readonly changesetIsEnough: boolean;
  readonly infoVersionIsEnough: boolean;
}

export interface SpecReleaseInput {
  readonly specId: string;
  readonly root: string;
  readonly baseSpec: string;
  readonly baseLabel: string;
  readonly pendingBumps: ReadonlyMap<string, Bump>;
}

/** Diffs `specs/<id>.yaml` against its base and checks changeset and `info.version` against it. */
export async function checkSpecRelease(input: SpecReleaseInput): Promise<SpecReleaseCheck> {
  const specPath = `specs/${input.specId}.yaml`;
  const packageName = `@loginkit/${input.specId}`;
  const scratch = await mkdtemp(join(tmpdir(), "loginkit-spec-base-"));
  try {
    const basePath = join(scratch, `${input.specId}.yaml`);
    await writeFile(basePath, input.baseSpec);
    const currentPath = join(input.root, specPath);
    const diff = await diffSpecs(basePath, currentPath, {
      base: input.baseLabel,
      revision: specPath,
    });
    const infoVersion = {
      base: readInfoVersion(input.baseSpec),
      current: readInfoVersion(await readFile(currentPath, "utf8")),
    };
    const infoVersionBump = bumpBetween(infoVersion.base, infoVersion.current);
    const changesetBump = input.pendingBumps.get(packageName) ?? "none";
    return {
      specId: input.specId,
      specPath,
      packageName,
      baseLabel: input.baseLabel,
      required: diff.bump,
      drivingChanges: diff.changes.filter((change) => change.impact === diff.bump),
      changesetBump,
      infoVersion,
      infoVersionBump,
      changesetIsEnough: bumpCovers(changesetBump, diff.bump),
      infoVersionIsEnough: infoVersionBump !== undefined && bumpCovers(infoVersionBump, diff.bump),
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function readInfoVersion(specText: string): string {
  const document = parse(specText) as { info?: { version?: unknown } } | null;
  return String(document?.info?.version ?? "");
}
