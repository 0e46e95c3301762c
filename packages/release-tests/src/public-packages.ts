import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { packagesDirectory } from "./workspace-paths.js";

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

/** Every `packages/*` that is published: its package.json is not `private`. Sorted by name. */
export async function listPublicPackages(): Promise<WorkspacePackage[]> {
  const packages: WorkspacePackage[] = [];
  for (const entry of await readdir(packagesDirectory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const directory = join(packagesDirectory, entry.name);
    const text = await readFile(join(directory, "package.json"), "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const manifest = JSON.parse(text) as PackageManifest;
    if (!manifest.private) packages.push({ directory, manifest });
  }
  return packages.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name));
}

/** Packages that run outside Node (browsers, Deno, Bun, edge): core and every generated client. */
export function targetsEveryRuntime(workspacePackage: WorkspacePackage): boolean {
  const { manifest } = workspacePackage;
  return manifest.name === "@loginkit/core" || manifest.loginkit?.generatedFrom !== undefined;
}
