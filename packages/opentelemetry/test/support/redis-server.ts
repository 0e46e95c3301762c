import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";

// The fleet harness's redis-server start (packages/bench/src/fleet/start-redis-server.ts), cut to
// what this suite needs: @loginkit/bench depends on this package for its instrumentation
// benchmark, so this package cannot depend on the bench.

export interface RedisServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Debian's redis-server on 127.0.0.1 at a free port, persistence off; fails when missing. */
export async function startRedisServer(): Promise<RedisServer> {
  const executable = ["/usr/bin/redis-server", "/usr/local/bin/redis-server"].find(existsSync);
  if (!executable) {
    throw new Error(
      "redis-server is missing: run bash scripts/install-system-deps.sh or apt-get install redis-server",
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
      () => reject(new Error(`redis-server did not start:\n${output}`)),
      10_000,
    );
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk;
      if (!output.includes("Ready to accept connections")) return;
      clearTimeout(timer);
      resolve();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}:\n${output}`));
    });
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGKILL");
      await exited;
    },
  };
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}
