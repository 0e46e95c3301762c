import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatNumber, formatRatio } from "../measure/format.js";
import { runInterleaved } from "../measure/interleave.js";
import { repositoryRoot } from "../measure/paths.js";
import { median } from "../measure/statistics.js";
import { renderTable } from "../report/markdown-table.js";
import type { Section } from "../report/section.js";
import { codegenSizes as sizes, codegenTargets as targets } from "./codegen-sizes.js";
import { buildLargeSpec } from "./large-spec.js";
import { groupProfileByPackage } from "./profile-by-package.js";
import { copyId, renameCopy, writeProviderCopies } from "./provider-copies.js";
import { type CodegenRun, runCodegenJob } from "./run-codegen-job.js";

interface ScaleRow {
  workload: string;
  specs: number;
  runs: CodegenRun[];
  targetMs?: number;
}

const specsDirectory = join(repositoryRoot, "specs");

export async function runCodegenBenchmark(environment: string): Promise<Section> {
  // Everything is generated under the OS temp folder, never into the repository's packages/.
  const root = await mkdtemp(join(tmpdir(), "loginkit-codegen-bench-"));
  try {
    const scale = await measureScale(root);
    const large = await measureLargeSpec(root);
    return { title: "Code generation", body: renderBody(environment, scale, large) };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}

async function measureScale(root: string) {
  const rows: ScaleRow[] = [];
  const repeat = async (times: number, run: (round: number) => Promise<CodegenRun>) => {
    const runs: CodegenRun[] = [];
    for (let round = 0; round < times; round++) runs.push(await run(round));
    return runs;
  };
  const fresh = (name: string) => join(root, `out-${name}-${Math.random().toString(36).slice(2)}`);

  rows.push({
    workload: "the 4 real specs (`pnpm generate`'s work), cold",
    specs: 4,
    runs: await repeat(sizes.rounds, () =>
      runCodegenJob({ tool: "loginkit", specsDirectory, outputDirectory: fresh("real") }),
    ),
  });

  let profiled: CodegenRun | undefined;
  for (const count of sizes.copies) {
    const copies = join(root, `specs-${count}`);
    await writeProviderCopies(join(specsDirectory, sizes.copiedSpec), copies, count);
    const times = count <= sizes.largestRepeated ? sizes.rounds : 1;
    const isTarget = count === 1_000;
    const output = join(root, `packages-${count}`);
    const cold = await repeat(times, async () => {
      await rm(output, { recursive: true, force: true });
      return runCodegenJob({ tool: "loginkit", specsDirectory: copies, outputDirectory: output });
    });
    rows.push({
      workload: `${formatNumber(count)} synthetic providers, cold (empty packages folder)`,
      specs: count,
      runs: cold,
      targetMs: isTarget ? targets.thousandColdMs : undefined,
    });

    // One spec changes: `pnpm generate` regenerates it alone (the others' recorded hashes match).
    const changedSpec = join(copies, `${copyId(Math.ceil(count / 2))}.yaml`);
    const source = await readFile(join(specsDirectory, sizes.copiedSpec), "utf8");
    let edition = 0;
    const changeOneSpec = () =>
      writeFile(changedSpec, renameCopy(source, Math.ceil(count / 2), ++edition));
    const changedOnly = await repeat(sizes.rounds, async () => {
      await changeOneSpec();
      return runCodegenJob({
        tool: "loginkit",
        specsDirectory: copies,
        outputDirectory: output,
        expectWritten: 1,
      });
    });
    rows.push({
      workload: `${formatNumber(count)}, warm, one spec changed: \`pnpm generate\` regenerates it alone`,
      specs: count,
      runs: changedOnly,
      targetMs: isTarget ? targets.thousandWarmMs : undefined,
    });
    // The same change with `--force`: everything is regenerated, as before the hashes were checked.
    const everything = await repeat(times, async () => {
      await changeOneSpec();
      return runCodegenJob({
        tool: "loginkit-force",
        specsDirectory: copies,
        outputDirectory: output,
      });
    });
    rows.push({
      workload: `${formatNumber(count)}, warm, one spec changed: \`pnpm generate --force\` regenerates all`,
      specs: count,
      runs: everything,
    });

    if (count === sizes.largestRepeated) {
      await rm(output, { recursive: true, force: true });
      profiled = await runCodegenJob({
        tool: "loginkit",
        specsDirectory: copies,
        outputDirectory: output,
        profile: true,
      });
    }
  }
  return { rows, profiled };
}

const largeSpecTools = ["loginkit", "openapi-typescript", "hey-api", "orval"] as const;
type LargeSpecTool = (typeof largeSpecTools)[number];

async function measureLargeSpec(root: string) {
  const specs = join(root, "large-spec");
  await mkdir(specs);
  const spec = join(specs, "large-provider.yaml");
  await writeFile(spec, buildLargeSpec(sizes.largeSpecOperations));
  const run = (tool: LargeSpecTool, profile = false) => {
    const outputDirectory = join(root, `large-${tool}-${Math.random().toString(36).slice(2)}`);
    return tool === "loginkit"
      ? runCodegenJob({ tool, specsDirectory: specs, outputDirectory, profile })
      : runCodegenJob({ tool, spec, outputDirectory, profile });
  };
  const runs = await runInterleaved(largeSpecTools, sizes.rounds, (tool) => run(tool));
  const profiled = await run("loginkit", true);
  return { runs, profiled };
}

const toolNames: Record<LargeSpecTool, string> = {
  loginkit: "loginkit generator (`generateWorkspace`: whole package)",
  "openapi-typescript": "openapi-typescript alone (`openapiTS` + `astToString`, same options)",
  "hey-api": "@hey-api/openapi-ts (types + sdk + client-fetch)",
  orval: "orval (fetch client, single file)",
};

function renderBody(
  environment: string,
  scale: Awaited<ReturnType<typeof measureScale>>,
  large: Awaited<ReturnType<typeof measureLargeSpec>>,
): string {
  const seconds = (ms: number) => formatNumber(ms / 1000, 2);
  const scaleRows = scale.rows.map((row) => {
    const work = median(row.runs.map((run) => run.milliseconds));
    return [
      row.workload,
      String(row.runs.length),
      seconds(work),
      seconds(median(row.runs.map((run) => run.processMilliseconds))),
      formatNumber(work / row.specs, 1),
      formatNumber(median(row.runs.map((run) => run.peakRssBytes)) / 2 ** 20),
      row.targetMs === undefined ? "" : verdict(work, row.targetMs),
    ];
  });

  const largeMedian = (tool: LargeSpecTool) =>
    median(large.runs.get(tool)!.map((run) => run.milliseconds));
  const baseline = largeMedian("openapi-typescript");
  const largeRows = largeSpecTools.map((tool) => [
    toolNames[tool],
    seconds(largeMedian(tool)),
    seconds(median(large.runs.get(tool)!.map((run) => run.processMilliseconds))),
    formatRatio(largeMedian(tool) / baseline),
    formatNumber(median(large.runs.get(tool)!.map((run) => run.peakRssBytes)) / 2 ** 20),
  ]);
  const largeRatio = largeMedian("loginkit") / baseline;

  const profileTable = (run: CodegenRun | undefined) =>
    renderTable(
      ["where (package, or our file)", "share of samples"],
      groupProfileByPackage(run?.profile ?? [])
        .slice(0, 8)
        .map(({ owner, selfPercent }) => [owner, `${formatNumber(selfPercent, 1)}%`]),
    );
  const find = (prefix: string) => scale.rows.find((row) => row.workload.startsWith(prefix))!;
  const workOf = (row: ScaleRow) => median(row.runs.map((run) => run.milliseconds));
  const cold = workOf(find("1,000 synthetic"));
  const warmAll = workOf(find("1,000, warm, one spec changed: `pnpm generate --force`"));
  const warmChanged = workOf(find("1,000, warm, one spec changed: `pnpm generate` regenerates"));

  return [
    environment,
    "",
    `Each run is a fresh Node process (forked, \`--import tsx\`) that calls the generator's API (\`generateWorkspace(specs, packagesRoot)\` and \`listSpecs(dir)\` from \`@loginkit/scripts\`) into a temporary folder, never the repository's \`packages/\`. **Work** is the call itself, after the modules loaded; **process** is fork to exit (Node, tsx and module loading included: what \`pnpm generate\` adds on top). Synthetic providers are copies of \`specs/${sizes.copiedSpec}\` with their own file name, title and display name. Sizes up to ${formatNumber(sizes.largestRepeated)} run ${sizes.rounds} times (medians); 1,000 runs once cold and once with \`--force\` (the two slowest runs of the area), and ${sizes.rounds} times with one spec changed. Peak RSS is the job process's.`,
    "",
    "### Scale",
    "",
    renderTable(
      [
        "workload",
        "runs",
        "work (s)",
        "process (s)",
        "work per spec (ms)",
        "peak RSS (MiB)",
        "target",
      ],
      scaleRows,
    ),
    "",
    `- 1,000 specs cold: ${verdictSentence(cold, targets.thousandColdMs)}.`,
    `- 1,000 specs warm with one spec changed: ${verdictSentence(warmChanged, targets.thousandWarmMs)}. \`pnpm generate\` hashes each spec and compares it, with the generator's fingerprint and a hash of the files, to what the package's \`package.json\` records (\`scripts/src/generate-workspace.ts\`), and regenerates only the mismatch; unchanged specs are never parsed.`,
    `- The same change with \`--force\` (every spec parsed, rendered and written again, as the generator did before it checked hashes): ${formatNumber(warmAll / 1000, 2)} s.`,
    "",
    `Where ${formatNumber(sizes.largestRepeated)} cold specs' work goes (V8 sampling profile of one extra run, self time grouped by package; our own files by path):`,
    "",
    profileTable(scale.profiled),
    "",
    `### One spec with ${formatNumber(sizes.largeSpecOperations)} operations`,
    "",
    `A generated OpenAPI 3.1 spec (\`src/codegen/large-spec.ts\`): a sign-in plus ${formatNumber(sizes.largeSpecOperations - 1)} read/replace operations on ${formatNumber(Math.ceil((sizes.largeSpecOperations - 1) / 2))} resources, each with a path and a query parameter, a JSON body on writes, its own response schema and a shared 401; an \`x-loginkit\` block our generator accepts. Each generator in a fresh process into a temporary folder, interleaved, ${sizes.rounds} rounds, medians. Our generator writes the whole package (types by openapi-typescript, provider description, typed operations, README); the others write their own outputs.`,
    "",
    renderTable(
      ["generator", "work (s)", "process (s)", "÷ openapi-typescript", "peak RSS (MiB)"],
      largeRows,
    ),
    "",
    largeRatio <= targets.largeSpecRatio
      ? `- **Met:** our generator took ${formatRatio(largeRatio)} openapi-typescript's time (target ≤ ${formatRatio(targets.largeSpecRatio)}).`
      : `- **Missed by ${formatRatio(largeRatio - targets.largeSpecRatio)}:** our generator took ${formatRatio(largeRatio)} openapi-typescript's time (target ≤ ${formatRatio(targets.largeSpecRatio)}); the profile below shows where the rest goes.`,
    "- The spec is parsed once (`@loginkit/contract`'s `parseSpec`, js-yaml) and the parsed document is handed to openapi-typescript; line numbers come from a second, position-keeping parse only when an error needs one.",
    "",
    "Where our generator's time goes on this spec (one extra profiled run, grouped as above):",
    "",
    profileTable(large.profiled),
  ].join("\n");
}

function verdict(milliseconds: number, targetMs: number): string {
  return milliseconds <= targetMs
    ? `met (< ${formatNumber(targetMs / 1000)} s)`
    : `**missed** by ${formatNumber((milliseconds - targetMs) / 1000, 1)} s (< ${formatNumber(targetMs / 1000)} s)`;
}

function verdictSentence(milliseconds: number, targetMs: number): string {
  const took = `${formatNumber(milliseconds / 1000, 2)} s`;
  return milliseconds <= targetMs
    ? `**met**, ${took} against < ${formatNumber(targetMs / 1000)} s`
    : `**missed by ${formatNumber((milliseconds - targetMs) / 1000, 1)} s** (${formatRatio(milliseconds / targetMs)} the target), ${took} against < ${formatNumber(targetMs / 1000)} s`;
}
