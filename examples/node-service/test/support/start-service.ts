import { type ChildProcess, spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const exampleDirectory = join(dirname(fileURLToPath(import.meta.url)), "../..");

export interface RunningService {
  readonly url: string;
  /** Pids of the workers that said they were listening, in that order (replacements too). */
  readonly workerPids: number[];
  /** Waits until `count` workers in all have said they were listening. */
  waitForWorkers(count: number, timeoutMs: number): Promise<void>;
  /** What the service printed, for a failure message. */
  output(): string;
  stop(): Promise<void>;
}

/** The example as its README starts it (`node --import tsx src/main.ts`), with `env`. */
export async function startService(
  env: Record<string, string>,
  port: number,
): Promise<RunningService> {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: exampleDirectory,
    env: { ...process.env, ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const workerPids: number[] = [];
  const waiters = new Set<() => void>();
  const read = (chunk: Buffer) => {
    output += chunk;
    for (const match of String(chunk).matchAll(/worker (\d+) listening/g))
      workerPids.push(Number(match[1]));
    for (const wake of waiters) wake();
  };
  child.stdout?.on("data", read);
  child.stderr?.on("data", read);

  const service: RunningService = {
    url: `http://127.0.0.1:${port}`,
    workerPids,
    output: () => output,
    waitForWorkers: (count, timeoutMs) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (workerPids.length >= count) {
            done();
            resolve();
          } else if (child.exitCode !== null) {
            done();
            reject(new Error(`the service exited:\n${output}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${count} workers did not start within ${timeoutMs} ms:\n${output}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      const stuck = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(stuck);
    },
  };
  child.once("exit", () => {
    for (const wake of waiters) wake();
  });
  return service;
}
