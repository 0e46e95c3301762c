// `pnpm bench`: runs every benchmark area in turn and rewrites BENCHMARKS.md at the repository root.
// One area at a time, so no area's load skews another's numbers.
import { join } from "node:path";
import { runCodegenBenchmark } from "./codegen/codegen-benchmark.js";
import { runFleetStormBenchmark } from "./fleet/fleet-storm-benchmark.js";
import { describeEnvironment } from "./measure/environment.js";
import { repositoryRoot } from "./measure/paths.js";
import type { Section } from "./report/section.js";
import { writeReport } from "./report/write-report.js";
import { runSizeBenchmark } from "./size/size-benchmark.js";
import { runTokenStormBenchmark } from "./storm/token-storm-benchmark.js";
import { runInstrumentationBenchmark } from "./telemetry/instrumentation-benchmark.js";
import { runRequestBenchmark } from "./throughput/request-section.js";
import { runTypecheckBenchmark } from "./typecheck/typecheck-benchmark.js";

type Area = { name: string; run: (environment: string) => Promise<Section> };

const areas: Area[] = [
  { name: "requests", run: runRequestBenchmark },
  { name: "size", run: runSizeBenchmark },
  { name: "storm", run: runTokenStormBenchmark },
  { name: "fleet", run: runFleetStormBenchmark },
  { name: "codegen", run: runCodegenBenchmark },
  { name: "telemetry", run: runInstrumentationBenchmark },
  { name: "typecheck", run: runTypecheckBenchmark },
];

const only = process.argv.slice(2);
const sections: Section[] = [];
for (const area of areas) {
  if (only.length > 0 && !only.includes(area.name)) continue;
  const started = performance.now();
  console.log(`bench: ${area.name} …`);
  sections.push(await area.run(describeEnvironment()));
  console.log(`bench: ${area.name} done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
await writeReport(join(repositoryRoot, "BENCHMARKS.md"), sections);
console.log("bench: wrote BENCHMARKS.md");
