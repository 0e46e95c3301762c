import { copyFile, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { LocalRegistry } from "./local-registry.js";
import { runCommand } from "./run-command.js";

export interface ConsumerProject {
  readonly directory: string;
  /** Type-checks and compiles `consumer.ts` with the project's own `tsc` (strict, NodeNext); once. */
  compile(): Promise<void>;
  /** Runs the compiled consumer with `nodeBinary` and returns what it printed. */
  run(nodeBinary: string): Promise<string>;
  remove(): Promise<void>;
}

/**
 * A fresh npm project outside the workspace (in the system's temp folder, so nothing resolves
 * through the workspace's node_modules) that installs `dependencies`: `@loginkit/*` from
 * `registry`, everything else from the machine's usual registry.
 */
export async function createConsumerProject(
  fixtureDirectory: string,
  registry: LocalRegistry,
  dependencies: readonly string[],
): Promise<ConsumerProject> {
  const directory = await mkdtemp(join(tmpdir(), "loginkit-consumer-"));
  const host = new URL(registry.url).host;
  await writeFile(
    join(directory, "package.json"),
    `${JSON.stringify({ name: "loginkit-consumer", private: true, type: "module" }, null, 2)}\n`,
  );
  await writeFile(
    join(directory, ".npmrc"),
    `@loginkit:registry=${registry.url}\n//${host}/:_authToken=fake-token-for-a-local-registry\n`,
  );
  for (const name of ["consumer.ts", "tsconfig.json"]) {
    await copyFile(join(fixtureDirectory, name), join(directory, name));
  }
  await runCommand(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", ...dependencies],
    { cwd: directory, timeoutMs: 240_000 },
  );
  let compiled: Promise<void> | undefined;
  return {
    directory,
    compile() {
      compiled ??= runCommand(
        process.execPath,
        [join(directory, "node_modules/typescript/bin/tsc")],
        {
          cwd: directory,
        },
      ).then(() => undefined);
      return compiled;
    },
    async run(nodeBinary) {
      const { stdout } = await runCommand(nodeBinary, ["dist/consumer.js"], {
        cwd: directory,
        timeoutMs: 30_000,
      });
      return stdout;
    },
    remove: () => rm(directory, { recursive: true, force: true }),
  };
}
