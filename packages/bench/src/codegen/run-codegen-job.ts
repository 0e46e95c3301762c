import { fork } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import type { CodegenJob, CodegenJobResult } from "./codegen-job-protocol.js";

export interface CodegenRun extends CodegenJobResult {
  /** Process start to exit: Node, tsx and the tool's modules loading, plus the work. */
  readonly processMilliseconds: number;
}

/** Runs one job in a fresh Node process (cold) and waits for its result. */
export async function runCodegenJob(job: CodegenJob): Promise<CodegenRun> {
  const begin = performance.now();
  const child = fork(fileURLToPath(new URL("./codegen-job.ts", import.meta.url)), {
    execArgv: ["--import", "tsx", "--max-old-space-size=4096"],
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const exited = once(child, "exit") as Promise<[number | null, NodeJS.Signals | null]>;
  child.send(job);
  // A job killed from outside (out of memory, say) never answers: say so instead of hanging.
  const [reply] = (await Promise.race([
    once(child, "message"),
    exited.then(([code, signal]) => [
      { error: `the job process exited (code ${code}, signal ${signal}) without a result` },
    ]),
  ])) as [CodegenJobResult | { error: string }];
  await exited;
  if ("error" in reply) throw new Error(`${job.tool} generation failed: ${reply.error}`);
  return { ...reply, processMilliseconds: performance.now() - begin };
}
