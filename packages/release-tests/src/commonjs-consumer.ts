import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalRegistry } from "./local-registry.js";
import { runCommand } from "./run-command.js";

export interface CommonJsConsumer {
  readonly directory: string;
  /** Runs `consumer.cjs` with `nodeBinary`; fails with its output unless it exits 0. */
  run(nodeBinary: string): Promise<{ stdout: string; stderr: string }>;
  remove(): Promise<void>;
}

/**
 * A fresh CommonJS npm project (no `"type"`, so `.cjs` and `.js` are CommonJS) outside the
 * workspace, with `fixtureDirectory/consumer.cjs` and `dependencies` installed: `@loginkit/*`
 * from `registry`, the rest from the machine's usual registry.
 */
export async function createCommonJsConsumer(
  fixtureDirectory: string,
  registry: LocalRegistry,
  dependencies: readonly string[],
): Promise<CommonJsConsumer> {
  const directory = await mkdtemp(join(tmpdir(), "loginkit-cjs-consumer-"));
  const host = new URL(registry.url).host;
  await writeFile(
    join(directory, "package.json"),
    `${JSON.stringify({ name: "loginkit-cjs-consumer", private: true }, null, 2)}\n`,
  );
  await writeFile(
    join(directory, ".npmrc"),
    `@loginkit:registry=${registry.url}\n//${host}/:_authToken=fake-token-for-a-local-registry\n`,
  );
  await copyFile(join(fixtureDirectory, "consumer.cjs"), join(directory, "consumer.cjs"));
  await runCommand(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", ...dependencies],
    { cwd: directory, timeoutMs: 240_000 },
  );
  return {
    directory,
    run: (nodeBinary) =>
      runCommand(nodeBinary, ["consumer.cjs"], { cwd: directory, timeoutMs: 30_000 }),
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
