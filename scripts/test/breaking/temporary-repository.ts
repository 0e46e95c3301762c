import { execFile } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach } from "vitest";
import type { Bump } from "../../src/breaking/bump.js";

const run = promisify(execFile);
const fixtures = join(import.meta.dirname, "fixtures");
const created: string[] = [];
afterEach(async () => {
  await Promise.all(created.splice(0).map((path) => rm(path, { recursive: true, force: true })));
});

/**
 * A git repository shaped like loginkit with one released spec, `specs/demo.yaml` (the `base.yaml`
 * fixture) and its package `@loginkit/demo` at 1.0.0, committed as its release.
 */
export async function createReleasedRepository() {
  const root = await mkdtemp(join(tmpdir(), "loginkit-breaking-"));
  created.push(root);
  const git = async (...args: string[]) =>
    (
      await run("git", ["-c", "user.name=Test", "-c", "user.email=test@example.com", ...args], {
        cwd: root,
      })
    ).stdout.trim();
  const specPath = join(root, "specs", "demo.yaml");
  const manifestPath = join(root, "packages", "demo", "package.json");

  const repository = {
    root,
    git,
    /** Replaces the spec with a fixture, with `info.version` set to `infoVersion` if given. */
    async useSpec(fixture: string, infoVersion?: string) {
      await copyFile(join(fixtures, fixture), specPath);
      if (infoVersion) {
        const text = await readFile(specPath, "utf8");
        await writeFile(specPath, text.replace("version: 1.0.0", `version: ${infoVersion}`));
      }
    },
    async addChangeset(name: string, bump: Exclude<Bump, "none">) {
      await writeFile(
        join(root, ".changeset", `${name}.md`),
        `---\n"@loginkit/demo": ${bump}\n---\n\ndemo: a change\n`,
      );
    },
    /** What `changeset version` does to the package: moves its version, consumes the changesets. */
    async versionPackages(version: string) {
      await writeManifest(version);
      const changesets = (await readdir(join(root, ".changeset"))).filter(
        (name) => name !== "README.md",
      );
      await Promise.all(changesets.map((name) => rm(join(root, ".changeset", name))));
    },
    async commitAll(message: string) {
      await git("add", "-A");
      await git("commit", "-q", "-m", message);
    },
  };

  async function writeManifest(version: string) {
    await writeFile(
      manifestPath,
      `${JSON.stringify({ name: "@loginkit/demo", version }, null, 2)}\n`,
    );
  }

  await mkdir(join(root, "specs"));
  await mkdir(join(root, "packages", "demo"), { recursive: true });
  await mkdir(join(root, ".changeset"));
  await writeFile(join(root, ".changeset", "README.md"), "# Changesets\n");
  await repository.useSpec("base.yaml");
  await writeManifest("1.0.0");
  await git("init", "-q", "-b", "main");
  await repository.commitAll("release @loginkit/demo 1.0.0");
  return repository;
}
