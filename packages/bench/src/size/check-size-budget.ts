// `pnpm test` for this package: fails when core + one client outgrows src/size/size-budget.ts.
// A size check, not a timing test: bytes do not depend on how busy the machine is.
import { formatBytes } from "../measure/format.js";
import { attributeBundleBytes } from "./attribute-bundle-bytes.js";
import { loginkitStack } from "./bundle-stacks.js";
import { measureBundle } from "./measure-bundle.js";
import { sizeBudget } from "./size-budget.js";

const size = await measureBundle(loginkitStack.entry);
const overruns = (["minifiedBytes", "gzipBytes"] as const).filter(
  (key) => size[key] > sizeBudget[key],
);

for (const key of ["minifiedBytes", "gzipBytes"] as const) {
  const mark = size[key] > sizeBudget[key] ? "over" : "ok";
  console.log(`${mark}: ${key} ${formatBytes(size[key])} (budget ${formatBytes(sizeBudget[key])})`);
}

if (overruns.length > 0) {
  console.error(`\n${loginkitStack.name} outgrew its size budget. Where the bytes come from:`);
  for (const { source, minifiedBytes } of await attributeBundleBytes(loginkitStack.entry)) {
    console.error(`  ${formatBytes(minifiedBytes).padStart(10)}  ${source}`);
  }
  console.error("\nShrink it, or raise src/size/size-budget.ts with the reason in its comment.");
  process.exitCode = 1;
}
console.log(`${overruns.length === 0 ? 1 : 0} passed, ${overruns.length === 0 ? 0 : 1} failed`);
