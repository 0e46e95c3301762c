import { type ChildProcess, spawn } from "node:child_process";
import { findExecutable } from "./find-executable.js";
import { findFreePort } from "./free-port.js";

const install = "run bash scripts/install-system-deps.sh or apt-get install redis-server";
const readyLine = "Ready to accept connections";

/** A real redis-server on 127.0.0.1 that a test can stop and start again on the same port. */
export interface RedisServer {
  readonly url: string;
  readonly port: number;
  /** Kills the server (SIGKILL: no shutdown save, like a crash) and waits until it has exited. */
  stop(): Promise<void>;
  /** Starts it again on the same port, empty (nothing is persisted). */
  start(): Promise<void>;
}

/**
 * Starts Debian's redis-server at a free port with persistence off (`--save "" --appendonly no`),
 * so a test never writes a dump. Fails, never skips, when redis-server is missing.
 */
export async function startRedisServer(): Promise<RedisServer> {
  const executable = findExecutable("redis-server", install, ["/usr/bin/redis-server"]);
  const port = await findFreePort();
  let child: ChildProcess | undefined;

  const start = async () => {
    const process = spawn(
      executable,
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    child = process;
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start within 10 s:\n${output}`)),
        10_000,
      );
      process.stdout?.on("data", (chunk: Buffer) => {
        output += chunk;
        if (output.includes(readyLine)) {
          clearTimeout(timer);
          resolve();
        }
      });
      process.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`));
      });
    });
  };
  const stop = async () => {
    const process = child;
    child = undefined;
    if (!process || process.exitCode !== null) return;
    const exited = new Promise((resolve) => process.once("exit", resolve));
    process.kill("SIGKILL");
    await exited;
  };

  await start();
  return { url: `redis://127.0.0.1:${port}`, port, stop, start };
}
