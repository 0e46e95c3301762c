import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

/** The runtimes that come as a binary inside an npm package (a devDependency of this package). */
const binaries = {
  bun: { packageName: "@oven/bun-linux-x64", path: "bin/bun" },
  deno: { packageName: "@deno/linux-x64-glibc", path: "deno" },
} as const;

export type BinaryRuntime = keyof typeof binaries;

/**
 * The path of the runtime's binary in node_modules. Throws, saying how to install it, when the
 * package is missing (not installed, or skipped because this is not linux x64).
 */
export async function findRuntimeBinary(runtime: BinaryRuntime): Promise<string> {
  const { packageName, path } = binaries[runtime];
  const howToInstall =
    `${runtime} comes from the npm package ${packageName}, a devDependency of ` +
    "@loginkit/runtime-tests: run `pnpm install --frozen-lockfile` at the repository root " +
    "(linux x64 with glibc only)";
  let binary: string;
  try {
    const manifest = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
    binary = join(dirname(manifest), path);
  } catch {
    throw new Error(`${runtime} is not installed: ${howToInstall}`);
  }
  try {
    await access(binary, constants.X_OK);
  } catch {
    throw new Error(`${binary} is missing or not executable: ${howToInstall}`);
  }
  return binary;
}
