import { type ChildProcess, spawn } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { createServer } from "node:net";

const executable = "/usr/bin/redis-server";

async function findFreePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("no port was assigned");
  return address.port;
}

export interface RedisServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Debian's redis-server on a free 127.0.0.1 port, persisting nothing. Fails, never skips, when
 * it is not installed.
 */
export async function startRedisServer(): Promise<RedisServer> {
  try {
    accessSync(executable, constants.X_OK);
  } catch {
    throw new Error(
      `${executable} is missing: run bash scripts/install-system-deps.sh (or apt-get install redis-server)`,
    );
  }
  const port = await findFreePort();
  const child: ChildProcess = spawn(
    executable,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`redis-server did not start within 10 s:\n${output}`)),
      10_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

export { findFreePort };
