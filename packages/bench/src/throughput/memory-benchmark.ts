import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { type CallKind, contendersFor } from "./call-kind.js";

export interface MemoryResult {
  readonly allocatedBytes: number;
  readonly peakRssBytes: number;
}

const run = promisify(execFile);

/** Bytes allocated and peak RSS per 100,000 calls of `kind`, each client in its own process. */
export async function measureMemory(kind: CallKind): Promise<Map<string, MemoryResult>> {
  const child = fileURLToPath(new URL("./memory-child.ts", import.meta.url));
  const results = new Map<string, MemoryResult>();
  for (const contender of contendersFor(kind)) {
    if (
      contender.name !== "raw fetch" &&
      contender.name !== "bare openapi-fetch" &&
      contender.name !== "loginkit"
    ) {
      continue;
    }
    const { stdout } = await run(
      process.execPath,
      ["--import", "tsx", child, contender.name, kind],
      {
        maxBuffer: 1024 * 1024,
      },
    );
    results.set(contender.name, JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}"));
  }
  return results;
}
