import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";
import { repositorySpecIds, SPECS } from "./repository-specs.js";

/**
 * Every spec of the repository, plus a renamed copy of enad.yaml, which must work with no code
 * change because nothing in the simulator is written per provider. Tests read what to expect
 * from each spec (support/spec-expectations.ts), never from a list of providers.
 */
function collectSpecs(): { id: string; specPath: string }[] {
  const shipped = repositorySpecIds.map((id) => ({ id, specPath: join(SPECS, `${id}.yaml`) }));
  const folder = mkdtempSync(join(tmpdir(), "loginkit-testkit-"));
  // Each test file imports this module afresh: its copy goes when the file's tests are done.
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const renamed = join(folder, "acme-shop.yaml");
  copyFileSync(join(SPECS, "enad.yaml"), renamed);
  return [...shipped, { id: "acme-shop", specPath: renamed }];
}

export const specTable = collectSpecs();
