import { parseArgs } from "node:util";
import { reportAndExit } from "../report-error.js";
import { repositoryRoot } from "../workspace.js";
import { checkWorkspaceRelease } from "./check-workspace-release.js";
import { describeReleaseProblem, isReleaseReady } from "./describe-release-problem.js";

/**
 * `pnpm check:breaking [--base <ref>]`: every spec changed since its last release (or since
 * `--base`) must come with a changeset and an `info.version` that move at least as far as the
 * change requires (see find-release-base.ts for why "since its last release").
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { base: { type: "string" }, root: { type: "string" } },
  });
  const result = await checkWorkspaceRelease({
    root: values.root ?? repositoryRoot,
    base: values.base,
  });
  for (const { specId, reason } of result.skipped) {
    console.log(`check:breaking: specs/${specId}.yaml skipped: ${reason}`);
  }
  const problems = result.checks.filter((check) => !isReleaseReady(check));
  for (const check of result.checks.filter(isReleaseReady)) {
    console.log(
      check.required === "none"
        ? `check:breaking: ${check.specPath} unchanged since ${check.baseLabel}`
        : `check:breaking: ${check.specPath} needs ${check.required}: changeset (${check.changesetBump}) and info.version (${check.infoVersion.current}) cover it`,
    );
  }
  if (problems.length === 0) return;
  console.error(
    `\ncheck:breaking: ${problems.length} spec(s) changed without a matching release:\n`,
  );
  console.error(problems.map(describeReleaseProblem).join("\n\n"));
  process.exit(1);
}

main().catch(reportAndExit);
