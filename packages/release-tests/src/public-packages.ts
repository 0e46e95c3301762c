import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { packagesDirectory, repositoryRoot } from "./workspace-paths.js";

export interface PackageManifest {
  name: string;
  version: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  loginkit?: { generatedFrom?: string };
}

export interface WorkspacePackage {
  readonly directory: string;
  readonly manifest: PackageManifest;
}

/**
 * Every published package, sorted by name: the generated client of each `specs/*.yaml` (a
 * provider is one YAML file: nothing here lists providers) and every hand-written `packages/*`
 * whose package.json is not `private`.
 */
export async function listPublicPackages(): Promise<WorkspacePackage[]> {
  const clients = await listGeneratedClients();
  const handWritten: WorkspacePackage[] = [];
  for (const entry of await readdir(packagesDirectory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const directory = join(packagesDirectory, entry.name);
    const manifest = await readManifest(directory);
    if (manifest && !manifest.private && manifest.loginkit?.generatedFrom === undefined)
      handWritten.push({ directory, manifest });
  }
  return [...handWritten, ...clients].sort((a, b) =>
    a.manifest.name.localeCompare(b.manifest.name),
  );
}

/** The generated package of every spec; a spec without one fails, saying how to fix it. */
export async function listGeneratedClients(): Promise<WorkspacePackage[]> {
  const specs = (await readdir(join(repositoryRoot, "specs")))
    .filter((name) => name.endsWith(".yaml"))
    .sort();
  const clients: WorkspacePackage[] = [];
  for (const name of specs) {
    const directory = join(packagesDirectory, name.slice(0, -".yaml".length));
    const manifest = await readManifest(directory);
    if (manifest?.loginkit?.generatedFrom !== `specs/${name}`)
      throw new Error(`specs/${name} has no generated package in ${directory}: run pnpm generate`);
    clients.push({ directory, manifest });
  }
  return clients;
}

/**
 * Packages that run outside Node (browsers, Deno, Bun, edge): core, its OpenTelemetry
 * instrumentation and every generated client.
 */
export function targetsEveryRuntime(workspacePackage: WorkspacePackage): boolean {
  const { manifest } = workspacePackage;
  return (
    manifest.name === "@loginkit/core" ||
    manifest.name === "@loginkit/opentelemetry" ||
    manifest.loginkit?.generatedFrom !== undefined
  );
}

async function readManifest(directory: string): Promise<PackageManifest | undefined> {
  const text = await readFile(join(directory, "package.json"), "utf8").catch(() => undefined);
  return text === undefined ? undefined : (JSON.parse(text) as PackageManifest);
}
