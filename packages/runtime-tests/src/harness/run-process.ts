import { spawn } from "node:child_process";

export interface ProcessOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion; fails with its output when it exits non-zero or outlives `timeoutMs`. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<ProcessOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), options.timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ stdout, stderr });
      const why = signal
        ? `was killed (${signal}) after ${options.timeoutMs} ms`
        : `exited ${code}`;
      reject(new Error(`\`${command} ${args[0] ?? ""}…\` ${why}\n${stdout}\n${stderr}`.trimEnd()));
    });
  });
}
