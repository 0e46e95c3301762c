import { relative } from "node:path";
import { findDrift } from "./find-drift.js";
import { reportAndExit } from "./report-error.js";
import { listSpecs, repositoryRoot } from "./workspace.js";

/** `pnpm check:drift`: fails when committed generated code is not what the specs produce. */
async function main(): Promise<void> {
  const drift = await findDrift(await listSpecs());
  if (drift.length === 0) {
    console.log("check:drift: every generated package matches its spec");
    return;
  }
  console.error(
    "check:drift: generated code differs from the specs. Run `pnpm generate` and commit the result.\n",
  );
  for (const problem of drift) {
    console.error(
      `- ${problem.spec} → ${relative(repositoryRoot, problem.file)}: ${problem.reason}`,
    );
  }
  process.exit(1);
}

main().catch(reportAndExit);
