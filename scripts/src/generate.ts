import { relative } from "node:path";
import { generateWorkspace } from "./generate-workspace.js";
import { reportAndExit } from "./report-error.js";
import { listSpecs, repositoryRoot } from "./workspace.js";

/** `pnpm generate`: writes `packages/<id>/` for every `specs/<id>.yaml`. */
async function main(): Promise<void> {
  const { written, removed } = await generateWorkspace(await listSpecs());
  for (const result of written) {
    console.log(
      `generated ${relative(repositoryRoot, result.directory)} from ${result.entry.relativePath}`,
    );
  }
  for (const orphan of removed) {
    console.log(
      `removed ${relative(repositoryRoot, orphan.directory)}: ${orphan.generatedFrom} no longer exists`,
    );
  }
}

main().catch(reportAndExit);
