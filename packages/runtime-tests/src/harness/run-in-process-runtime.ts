import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ScenarioConfig, ScenarioResults } from "../in-runtime/scenario-types.js";
import { type BinaryRuntime, findRuntimeBinary } from "./find-runtime-binary.js";
import { runProcess } from "./run-process.js";

const packageDirectory = join(dirname(fileURLToPath(import.meta.url)), "../..");
/** Built by this package's `build` (tsc): the runtime resolves `@loginkit/*` from node_modules itself. */
const entry = join(packageDirectory, "dist/entries/process-entry.js");

/** How each runtime is asked to run the entry: Deno only with network access to 127.0.0.1. */
const argumentsOf: Record<BinaryRuntime, readonly string[]> = {
  bun: ["run", entry],
  deno: ["run", "--allow-net=127.0.0.1", "--no-prompt", entry],
};

/** Runs every scenario in a Bun or Deno process and returns what it printed as results. */
export async function runInProcessRuntime(
  runtime: BinaryRuntime,
  config: ScenarioConfig,
): Promise<ScenarioResults> {
  const binary = await findRuntimeBinary(runtime);
  const { stdout, stderr } = await runProcess(
    binary,
    [...argumentsOf[runtime], JSON.stringify(config)],
    {
      cwd: packageDirectory,
      env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1" },
      timeoutMs: 60_000,
    },
  );
  const line = stdout.split("\n").find((text) => text.startsWith("LOGINKIT-RESULTS "));
  if (line === undefined) {
    throw new Error(`${runtime} printed no results:\n${stdout}\n${stderr}`.trimEnd());
  }
  return JSON.parse(line.slice("LOGINKIT-RESULTS ".length)) as ScenarioResults;
}

/** The runtime's own version line, for test names and failure messages. */
export async function readRuntimeVersion(runtime: BinaryRuntime): Promise<string> {
  const { stdout } = await runProcess(await findRuntimeBinary(runtime), ["--version"], {
    cwd: packageDirectory,
    timeoutMs: 10_000,
  });
  return stdout.split("\n")[0]?.trim() ?? "";
}
