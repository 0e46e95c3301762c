import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { type Bump, isBump, largerBump } from "./bump.js";
import { diffXLoginkit } from "./diff-x-loginkit.js";

const run = promisify(execFile);
const redoclyCli = createRequire(import.meta.url).resolve("@redocly/cli/bin/cli.js");

/** One difference between two specs, rated by the bump it requires of the package. */
export interface SpecChange {
  readonly impact: Bump;
  /** What changed, in words (`Property \`tokenized\` of \`session\` was removed.`). */
  readonly description: string;
  /** `file:line` of the change: in the new spec, or in the old one for something removed. */
  readonly location: string | undefined;
}

export interface SpecDiff {
  /** The largest impact of any change; `none` when the specs describe the same API. */
  readonly bump: Bump;
  readonly changes: readonly SpecChange[];
}

/** The shape of `redocly diff --format json`, as much of it as is read here. */
interface RedoclyDiffReport {
  bump?: string;
  changes: RedoclyChange[];
}
interface RedoclyChange {
  path: string;
  kind: string;
  impact: string;
  property?: string;
  verdicts: { message: string }[];
  base?: RedoclyLocation;
  revision?: RedoclyLocation;
}
interface RedoclyLocation {
  line?: number;
}

/**
 * Compares two spec files with `redocly diff`, which dereferences both and rates every change
 * by the semver bump it requires (removed response field or newly required request field: major;
 * new operation or optional field: minor; descriptions and examples: patch).
 *
 * `labels` name the two files in messages, since the base is often a temporary copy of an old
 * commit's spec.
 */
export async function diffSpecs(
  basePath: string,
  revisionPath: string,
  labels: { base: string; revision: string },
): Promise<SpecDiff> {
  // The report goes to a file: the CLI also prints banners and a summary on stdout.
  const scratch = await mkdtemp(join(tmpdir(), "loginkit-spec-diff-"));
  try {
    const reportPath = join(scratch, "report.json");
    await run(
      process.execPath,
      [
        redoclyCli,
        "diff",
        basePath,
        revisionPath,
        "--format=json",
        `--output=${reportPath}`,
        "--fail-on=none",
        "--lint-config=off",
      ],
      // Run outside the repository so the lint config (and its plugins) is neither loaded nor applied.
      { cwd: scratch, env: { ...process.env, REDOCLY_TELEMETRY: "off", NO_COLOR: "1" } },
    );
    const report = JSON.parse(await readFile(reportPath, "utf8")) as RedoclyDiffReport;
    const changes = [
      ...report.changes.filter(isAboutTheApi).map((change) => toSpecChange(change, labels)),
      ...(await diffXLoginkit(basePath, revisionPath, labels)),
    ];
    const bump = changes.reduce<Bump>(
      (largest, change) => largerBump(largest, change.impact),
      "none",
    );
    return { bump, changes };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** `info.version` is what the author moves to match a change: moving it is not itself a change. */
function isAboutTheApi(change: RedoclyChange): boolean {
  return !(change.path === "#/info" && change.property === "version");
}

function toSpecChange(
  change: RedoclyChange,
  labels: { base: string; revision: string },
): SpecChange {
  const impact = isBump(change.impact) ? change.impact : "major";
  const where = describePointer(change.path);
  const description =
    change.verdicts.length > 0
      ? `${change.verdicts.map((verdict) => verdict.message).join(" ")} (${where})`
      : `${change.kind}${change.property ? ` \`${change.property}\` of` : ""} ${where}`;
  const location =
    change.revision?.line !== undefined
      ? `${labels.revision}:${change.revision.line}`
      : change.base?.line !== undefined
        ? `${labels.base}:${change.base.line}`
        : undefined;
  return { impact, description, location };
}

/** `#/paths/~1api~1login/post/requestBody` → `paths › /api/login › post › requestBody`. */
function describePointer(pointer: string): string {
  return pointer
    .replace(/^#\/?/, "")
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .join(" › ");
}
