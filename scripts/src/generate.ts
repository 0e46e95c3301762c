import { relative } from "node:path";
import { parseArgs } from "node:util";
import { generateWorkspace } from "./generate-workspace.js";
import { reportAndExit } from "./report-error.js";
import { listSpecs, repositoryRoot } from "./workspace.js";

/**
 * `pnpm generate [--force]`: writes `packages/<id>/` for every `specs/<id>.yaml` whose package
 * does not record the same spec, generator and output already; `--force` regenerates them all.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { force: { type: "boolean", default: false } } });
  const { written, skipped, removed, consumers } = await generateWorkspace(
    await listSpecs(),
    undefined,
    { force: values.force },
  );
  for (const result of written) {
    console.log(
      `generated ${relative(repositoryRoot, result.directory)} from ${result.entry.relativePath}`,
    );
  }
  if (skipped.length > 0)
    console.log(
      `unchanged: ${skipped.length} package(s) already match their spec (--force regenerates them)`,
    );
  for (const orphan of removed) {
    console.log(
      `removed ${relative(repositoryRoot, orphan.directory)}: ${orphan.generatedFrom} no longer exists`,
    );
  }
  for (const consumer of consumers) {
    console.log(
      `listed every client in ${relative(repositoryRoot, consumer.manifestPath)} (${consumer.section}): run pnpm install to link them`,
    );
  }
}

main().catch(reportAndExit);
