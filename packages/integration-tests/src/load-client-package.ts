import { readdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ProviderClient, ProviderDescription, ProviderTypes } from "@loginkit/core";

const packagesDirectory = join(dirname(fileURLToPath(import.meta.url)), "../..");
const specsDirectory = join(packagesDirectory, "../specs");

/** A generated client package, loaded by its spec id: what any `@loginkit/<id>` exports. */
export interface ClientPackage {
  readonly id: string;
  readonly provider: ProviderDescription;
  readonly createClient: (options: Record<string, unknown>) => ProviderClient<ProviderTypes>;
}

/** Every spec under `specs/`: the suite and the walkthrough cover each provider, a new one too. */
export async function listProviderIds(): Promise<string[]> {
  return (await readdir(specsDirectory))
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length))
    .sort();
}

/**
 * Imports `packages/<id>/dist/index.js` (built by `pnpm build`) and finds its generated exports
 * by their naming rule, `create<Name>Client` and `<name>Provider`, so no provider is listed by hand.
 */
export async function loadClientPackage(id: string): Promise<ClientPackage> {
  const entry = pathToFileURL(join(packagesDirectory, id, "dist/index.js")).href;
  const exports = (await import(entry)) as Record<string, unknown>;
  const createClient = Object.entries(exports).find(([name]) =>
    /^create\w+Client$/.test(name),
  )?.[1];
  const provider = Object.entries(exports).find(([name]) => /Provider$/.test(name))?.[1];
  if (typeof createClient !== "function" || typeof provider !== "object" || provider === null) {
    throw new Error(
      `packages/${id}/dist/index.js lacks create<Name>Client or <name>Provider: run pnpm generate && pnpm build`,
    );
  }
  return {
    id,
    provider: provider as ProviderDescription,
    createClient: createClient as ClientPackage["createClient"],
  };
}
