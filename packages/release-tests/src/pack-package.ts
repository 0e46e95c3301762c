import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { WorkspacePackage } from "./public-packages.js";
import { runCommand } from "./run-command.js";

export interface PackedPackage {
  /** The `.tgz` that `pnpm publish` would upload. */
  readonly tarball: string;
  /** The tarball unpacked: its files under `package/`. */
  readonly unpacked: string;
  /** Every file path in the tarball, relative to `package/`. */
  readonly files: readonly string[];
}

/** Packs a package with `pnpm pack` (workspace ranges replaced, as published) and unpacks it. */
export async function packPackage(workspacePackage: WorkspacePackage): Promise<PackedPackage> {
  const destination = await mkdtemp(join(tmpdir(), "loginkit-pack-"));
  await runCommand("pnpm", ["pack", "--pack-destination", destination], {
    cwd: workspacePackage.directory,
  });
  const tarballName = (await readdir(destination)).find((name) => name.endsWith(".tgz"));
  if (!tarballName)
    throw new Error(`pnpm pack wrote no tarball for ${workspacePackage.manifest.name}`);
  const tarball = join(destination, tarballName);
  await runCommand("tar", ["-xzf", tarball, "-C", destination], { cwd: destination });
  const unpacked = join(destination, "package");
  const files = (await readdir(unpacked, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(unpacked.length + 1))
    .sort();
  return { tarball, unpacked, files };
}
