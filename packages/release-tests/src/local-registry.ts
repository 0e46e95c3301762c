import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installTool } from "./install-tool.js";

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  /** An npmrc that authenticates to this registry with a throwaway token (publish needs one). */
  readonly npmrcPath: string;
  stop(): Promise<void>;
}

const startupTimeoutMs = 60_000;

/**
 * Starts verdaccio 5 on 127.0.0.1 with its storage in a temporary folder. It serves only
 * `@loginkit/*`, anyone may publish them, and it has no uplinks: everything else is installed
 * from the machine's usual registry, so the registry under test only ever holds what we published.
 *
 * verdaccio is installed with npm into a cache folder rather than being a workspace dependency:
 * its `verdaccio-audit` depends on `node-fetch@cjs`, a dist-tag some registry mirrors do not
 * carry, which would break `pnpm install` of the whole workspace. npm `overrides` pins it here.
 */
export async function startLocalRegistry(): Promise<LocalRegistry> {
  const toolDirectory = await installTool("verdaccio-5", "verdaccio@^5", {
    "verdaccio-audit": { "node-fetch": "2.7.0" },
  });
  // The free port is found before verdaccio binds it: a parallel test may take it in between.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnFreePort(toolDirectory);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("EADDRINUSE")) throw error;
    }
  }
}

async function startOnFreePort(toolDirectory: string): Promise<LocalRegistry> {
  const directory = await mkdtemp(join(tmpdir(), "loginkit-registry-"));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}/`;
  const configPath = join(directory, "config.yaml");
  await writeFile(
    configPath,
    [
      `storage: ${JSON.stringify(join(directory, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(directory, "htpasswd"))}`,
      "uplinks: {}",
      "packages:",
      "  '@loginkit/*':",
      "    access: $all",
      "    publish: $anonymous $authenticated",
      "    unpublish: $anonymous $authenticated",
      "log: { type: stdout, format: json, level: warn }",
      "max_body_size: 50mb",
      "",
    ].join("\n"),
  );
  const npmrcPath = join(directory, ".npmrc");
  await writeFile(npmrcPath, `//127.0.0.1:${port}/:_authToken=fake-token-for-a-local-registry\n`);

  const child = spawn(
    process.execPath,
    [
      join(toolDirectory, "node_modules/verdaccio/bin/verdaccio"),
      "--config",
      configPath,
      "--listen",
      `127.0.0.1:${port}`,
    ],
    { cwd: directory, stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });

  const stop = async () => {
    await stopProcess(child);
    await rm(directory, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(url, child, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, npmrcPath, stop };
}

async function waitUntilServing(url: string, child: ChildProcess, output: () => string) {
  const deadline = Date.now() + startupTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`verdaccio exited ${child.exitCode}:\n${output()}`);
    const ok = await fetch(new URL("-/ping", url)).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`verdaccio did not answer on ${url} within ${startupTimeoutMs} ms:\n${output()}`);
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** A port nothing listens on now: bind port 0, read what the system chose, release it. */
function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
