import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { runCommand } from "./run-command.js";
import { toolCacheDirectory } from "./workspace-paths.js";

/**
 * Installs `spec` (e.g. `node@24`) with npm into a cache folder of its own, once, and returns
 * that folder. `overrides` go into its package.json (npm `overrides`).
 */
export async function installTool(
  folderName: string,
  spec: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const directory = join(toolCacheDirectory, folderName);
  const manifest = JSON.stringify({ private: true, overrides }, null, 2);
  const marker = join(directory, ".installed");
  const installed = await readFile(marker, "utf8").catch(() => undefined);
  if (installed === `${spec}\n${manifest}`) return directory;
  await mkdir(directory, { recursive: true });
  await writeFile(join(directory, "package.json"), manifest);
  await runCommand(
    "npm",
    ["install", "--no-audit", "--no-fund", "--loglevel=error", "--no-save", spec],
    { cwd: directory, timeoutMs: 300_000 },
  );
  await writeFile(marker, `${spec}\n${manifest}`);
  return directory;
}
