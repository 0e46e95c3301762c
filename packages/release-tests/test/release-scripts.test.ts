import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { expect, test } from "vitest";
import { repositoryRoot } from "../src/workspace-paths.js";

test("the root scripts describe, version and publish a release as the README says", async () => {
  const { scripts } = JSON.parse(await readFile(join(repositoryRoot, "package.json"), "utf8")) as {
    scripts: Record<string, string>;
  };
  expect(scripts.changeset).toBe("changeset");
  expect(scripts["version-packages"]).toBe("changeset version && pnpm install --lockfile-only");
  expect(scripts.release).toBe("turbo run build && changeset publish");
});

test("changesets publish public packages and leave private ones alone", async () => {
  const config = JSON.parse(
    await readFile(join(repositoryRoot, ".changeset/config.json"), "utf8"),
  ) as {
    access: string;
    privatePackages: { version: boolean; tag: boolean };
  };
  expect(config.access).toBe("public");
  expect(config.privatePackages).toEqual({ version: false, tag: false });
});
