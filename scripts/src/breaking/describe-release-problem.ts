import { nextVersion } from "./bump.js";
import type { SpecReleaseCheck } from "./check-spec-release.js";

/** True when the spec's changes are covered by both a changeset and `info.version`. */
export function isReleaseReady(check: SpecReleaseCheck): boolean {
  return check.required === "none" || (check.changesetIsEnough && check.infoVersionIsEnough);
}

/**
 * What is missing for a spec, and how to fix it: the changes that drive the bump, the bump, a
 * ready-to-write changeset and the `info.version` to set.
 */
export function describeReleaseProblem(check: SpecReleaseCheck): string {
  if (check.required === "none") return "";
  const bump = check.required;
  const lines = [
    `${check.specPath}: changed since ${check.baseLabel}; ${check.packageName} needs a ${bump} release because:`,
    ...check.drivingChanges.map(
      (change) =>
        `  - [${change.impact}] ${change.description}${change.location ? ` at ${change.location}` : ""}`,
    ),
  ];
  if (!check.changesetIsEnough) {
    const fileName = `.changeset/${check.specId}-${bump}-spec-change.md`;
    const changeset = `---\n"${check.packageName}": ${bump}\n---\n\n${check.specId}: <what changed for users of the API>\n`;
    lines.push(
      check.changesetBump === "none"
        ? `  ✗ no changeset bumps ${check.packageName}.`
        : `  ✗ the pending changesets bump ${check.packageName} only ${check.changesetBump}.`,
      `    Run \`pnpm changeset\`, select ${check.packageName} and choose "${bump}", or write ${fileName}:`,
      ...changeset
        .trimEnd()
        .split("\n")
        .map((line) => `      ${line}`),
      `    (in one command: printf '${changeset.replaceAll("\n", "\\n")}' > ${fileName})`,
    );
  }
  if (!check.infoVersionIsEnough) {
    const target = nextVersion(check.infoVersion.base, bump);
    lines.push(
      `  ✗ info.version went from ${check.infoVersion.base} to ${check.infoVersion.current}: a ${bump} change needs at least ${target}.`,
      `    Set \`info.version: ${target}\` in ${check.specPath}.`,
    );
  }
  return lines.join("\n");
}
