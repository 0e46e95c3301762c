import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The bin as a user runs `loginkit`: the checked-in launcher, which loads the built program. */
export const BIN = fileURLToPath(new URL("../../bin/loginkit.js", import.meta.url));
const PROGRAM = fileURLToPath(new URL("../../dist/bin.js", import.meta.url));
if (!existsSync(PROGRAM))
  throw new Error(`${PROGRAM} is missing: run pnpm --filter @loginkit/cli build`);

export interface Finished {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** An environment without any LOGINKIT_ variable of the machine, colours off, plus `extra`. */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !name.startsWith("LOGINKIT_") && name !== "FORCE_COLOR",
    ),
  );
  return { ...env, NO_COLOR: "1", ...extra };
}

/** Runs `loginkit <args>` to the end, with a bound: a hung bin fails the test, it never hangs it. */
export function runBin(
  args: readonly string[],
  env: NodeJS.ProcessEnv = cleanEnvironment(),
  timeoutMs = 30_000,
): Promise<Finished> {
  return finish(spawn(process.execPath, [BIN, ...args], { env }), timeoutMs);
}

/** Starts `loginkit <args>` and hands back the process with its output so far. */
export function startBin(args: readonly string[], env: NodeJS.ProcessEnv = cleanEnvironment()) {
  const child = spawn(process.execPath, [BIN, ...args], { env });
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => {
    output.stdout += chunk.toString("utf8");
  });
  child.stderr.on("data", (chunk: Buffer) => {
    output.stderr += chunk.toString("utf8");
  });
  return {
    child,
    output,
    /** Resolves with the first match of `pattern` in stdout, or fails after `timeoutMs`. */
    waitFor: (pattern: RegExp, timeoutMs = 20_000) =>
      new Promise<RegExpMatchArray>((resolve, reject) => {
        const started = Date.now();
        const poll = setInterval(() => {
          const match = output.stdout.match(pattern);
          if (match) {
            clearInterval(poll);
            resolve(match);
          } else if (Date.now() - started > timeoutMs || child.exitCode !== null) {
            clearInterval(poll);
            reject(
              new Error(`no ${pattern} in stdout: ${output.stdout}\nstderr: ${output.stderr}`),
            );
          }
        }, 25);
      }),
    finished: (timeoutMs = 20_000) => finish(child, timeoutMs, output),
  };
}

function finish(
  child: ChildProcess,
  timeoutMs: number,
  collected?: { stdout: string; stderr: string },
): Promise<Finished> {
  const output = collected ?? { stdout: "", stderr: "" };
  if (collected === undefined) {
    child.stdout?.on("data", (chunk: Buffer) => {
      output.stdout += chunk.toString("utf8");
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output.stderr += chunk.toString("utf8");
    });
  }
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`loginkit did not exit within ${timeoutMs} ms: ${output.stdout}${output.stderr}`),
      );
    }, timeoutMs);
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      clearTimeout(timer);
      resolve({ code, signal, ...output });
    };
    if (child.exitCode !== null || child.signalCode !== null)
      done(child.exitCode, child.signalCode);
    else child.once("close", done);
  });
}
