import type { LocalRegistry } from "./local-registry.js";
import type { WorkspacePackage } from "./public-packages.js";
import { runCommand } from "./run-command.js";

/**
 * Publishes each package to `registry` exactly as `changeset publish` would: with pnpm, which
 * packs `files`, applies `publishConfig` and turns `workspace:^` into a real range.
 */
export async function publishPackages(
  packages: readonly WorkspacePackage[],
  registry: LocalRegistry,
): Promise<void> {
  for (const workspacePackage of packages) {
    await runCommand(
      "pnpm",
      ["publish", "--registry", registry.url, "--no-git-checks", "--access", "public"],
      {
        cwd: workspacePackage.directory,
        env: { ...process.env, npm_config_userconfig: registry.npmrcPath },
        timeoutMs: 60_000,
      },
    );
  }
}
