import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCommand } from "../src/run-command.js";
import { repositoryRoot } from "../src/workspace-paths.js";

// `changeset version` rewrites package.json files and CHANGELOGs: run it in a throwaway clone of
// the last commit, never in the working tree.
let clone = "";
let versionsBefore: Record<"core" | "vero" | "enad", { version: string }>;
const manifestOf = async (folder: string) =>
  JSON.parse(await readFile(join(clone, "packages", folder, "package.json"), "utf8")) as {
    version: string;
    dependencies?: Record<string, string>;
  };

beforeAll(async () => {
  const scratch = await mkdtemp(join(tmpdir(), "loginkit-version-"));
  clone = join(scratch, "repository");
  await runCommand("git", ["clone", "--quiet", "--depth", "1", `file://${repositoryRoot}`, clone], {
    cwd: scratch,
  });
  // The changelog generator is resolved from the repository's node_modules; borrow the workspace's.
  await symlink(join(repositoryRoot, "node_modules"), join(clone, "node_modules"), "dir");
  // Start from no pending changesets, so the bumps below come from this test's two alone and not
  // from whatever the repository is about to release.
  for (const name of await readdir(join(clone, ".changeset"))) {
    if (name.endsWith(".md") && name !== "README.md") await rm(join(clone, ".changeset", name));
  }
  await writeFile(
    join(clone, ".changeset", "core-retry-budget.md"),
    '---\n"@loginkit/core": minor\n---\n\ncore: a retry budget shared by every client\n',
  );
  await writeFile(
    join(clone, ".changeset", "vero-logout.md"),
    '---\n"@loginkit/vero-oms": major\n---\n\nvero-oms: sign-in answers no longer carry `tokenizedSession`\n',
  );
  versionsBefore = {
    core: await manifestOf("core"),
    vero: await manifestOf("vero-oms"),
    enad: await manifestOf("enad"),
  };
  await runCommand(
    process.execPath,
    [join(repositoryRoot, "node_modules/@changesets/cli/bin.js"), "version"],
    {
      cwd: clone,
    },
  );
});
afterAll(async () => {
  if (clone) await rm(join(clone, ".."), { recursive: true, force: true });
});

describe("changeset version (pnpm version-packages)", () => {
  test("moves each package by the largest bump its changesets ask for", async () => {
    expect((await manifestOf("core")).version).toBe(bump(versionsBefore.core.version, "minor"));
    expect((await manifestOf("vero-oms")).version).toBe(bump(versionsBefore.vero.version, "major"));
  });

  test("writes each changed package's CHANGELOG.md with the changeset's summary", async () => {
    const changelog = await readFile(join(clone, "packages/core/CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${bump(versionsBefore.core.version, "minor")}`);
    expect(changelog).toContain("core: a retry budget shared by every client");
    const vero = await readFile(join(clone, "packages/vero-oms/CHANGELOG.md"), "utf8");
    expect(vero).toContain("### Major Changes");
  });

  test("releases the dependents of a changed package with the new dependency range", async () => {
    const core = bump(versionsBefore.core.version, "minor");
    const enad = await manifestOf("enad");
    // The workspace range stays; pnpm publish turns it into ^<new core version>.
    expect(enad.dependencies?.["@loginkit/core"]).toBe("workspace:^");
    expect(enad.version).toBe(bump(versionsBefore.enad.version, "patch"));
    const changelog = await readFile(join(clone, "packages/enad/CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`@loginkit/core@${core}`);
  });

  test("consumes the changesets it applied", async () => {
    const left = (await readdir(join(clone, ".changeset"))).filter((name) => name.endsWith(".md"));
    expect(left).toEqual(["README.md"]);
  });
});

function bump(version: string, kind: "major" | "minor" | "patch"): string {
  const [major = 0, minor = 0, patch = 0] = version.split(".").map(Number);
  if (kind === "major") return `${major + 1}.0.0`;
  if (kind === "minor") return `${major}.${minor + 1}.0`;
  return `${major}.${minor}.${patch + 1}`;
}
