import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { packagesDirectory, type SpecEntry } from "./workspace.js";

/**
 * A workspace package that tests or publishes every generated client says so in its package.json:
 * `"loginkit": { "consumesEveryClient": "dependencies" }` (or `devDependencies`). Turbo orders
 * builds by declared dependencies, so it must list every client; `pnpm generate` keeps that list
 * equal to `specs/`, and a new provider needs no hand edit there.
 */
export interface ClientConsumer {
  readonly manifestPath: string;
  readonly section: "dependencies" | "devDependencies";
  /** True when the section lists exactly the clients `specs/` gives (beside its other entries). */
  readonly inSync: boolean;
  /** The manifest with that section as `specs/` says it should be. */
  readonly expected: string;
}

export async function findClientConsumers(
  specs: readonly SpecEntry[],
  packagesRoot = packagesDirectory,
): Promise<ClientConsumer[]> {
  const consumers: ClientConsumer[] = [];
  const clientNames = new Set(specs.map((spec) => `@loginkit/${spec.id}`));
  const generatedNames = await listGeneratedPackageNames(packagesRoot);
  for (const name of (await readdir(packagesRoot).catch(() => [])).sort()) {
    const manifestPath = join(packagesRoot, name, "package.json");
    const text = await readFile(manifestPath, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const manifest = JSON.parse(text) as Record<string, unknown> & {
      loginkit?: { consumesEveryClient?: unknown };
    };
    const section = manifest.loginkit?.consumesEveryClient;
    if (section !== "dependencies" && section !== "devDependencies") continue;
    const current = (manifest[section] ?? {}) as Record<string, string>;
    const entries = Object.entries(current).filter(
      ([dependency]) => !generatedNames.has(dependency) || clientNames.has(dependency),
    );
    for (const client of clientNames)
      if (!(client in current)) entries.push([client, "workspace:*"]);
    const wanted = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
    const inSync =
      JSON.stringify(Object.keys(current).sort()) === JSON.stringify(Object.keys(wanted));
    manifest[section] = wanted;
    consumers.push({
      manifestPath,
      section,
      inSync,
      expected: `${JSON.stringify(manifest, null, 2)}\n`,
    });
  }
  return consumers;
}

/** Writes the consumers whose client list differs from `specs/`; returns them. */
export async function syncClientConsumers(
  specs: readonly SpecEntry[],
  packagesRoot = packagesDirectory,
): Promise<ClientConsumer[]> {
  const stale = (await findClientConsumers(specs, packagesRoot)).filter(
    (consumer) => !consumer.inSync,
  );
  for (const consumer of stale) await writeFile(consumer.manifestPath, consumer.expected);
  return stale;
}

/** Names of packages the generator wrote (their package.json records `loginkit.generatedFrom`). */
async function listGeneratedPackageNames(packagesRoot: string): Promise<Set<string>> {
  const names = new Set<string>();
  for (const name of await readdir(packagesRoot).catch(() => [])) {
    const text = await readFile(join(packagesRoot, name, "package.json"), "utf8").catch(
      () => undefined,
    );
    const manifest = text === undefined ? undefined : JSON.parse(text);
    if (manifest?.loginkit?.generatedFrom !== undefined) names.add(manifest.name);
  }
  return names;
}
