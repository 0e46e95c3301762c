import { appendFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { findDrift } from "../src/find-drift.js";
import { generateWorkspace } from "../src/generate-workspace.js";
import { createTemporaryWorkspace } from "./temporary-workspace.js";

async function generatedWorkspace() {
  const workspace = await createTemporaryWorkspace();
  await generateWorkspace(await workspace.listSpecs(), workspace.packages);
  return workspace;
}

describe("check:drift", () => {
  test("reports nothing right after generation", async () => {
    const workspace = await generatedWorkspace();
    expect(await findDrift(await workspace.listSpecs(), workspace.packages)).toEqual([]);
  });

  test("a spec edited without regenerating is reported, naming the spec and the files", async () => {
    const workspace = await generatedWorkspace();
    await workspace.editSpec("enad", (text) => text.replace(/minLength: 10/, "minLength: 12"));
    const drift = await findDrift(await workspace.listSpecs(), workspace.packages);
    expect(drift.map((problem) => problem.spec)).toEqual(
      expect.arrayContaining([workspace.spec("enad").relativePath]),
    );
    expect(new Set(drift.map((problem) => problem.spec)).size).toBe(1);
    const schema = drift.find(
      (problem) => problem.file === join(workspace.packages, "enad/src/schema.ts"),
    );
    expect(schema?.reason).toMatch(/the spec changed since it was generated/);
  });

  test("a hand edit of a generated file is reported with the file", async () => {
    const workspace = await generatedWorkspace();
    await appendFile(
      join(workspace.packages, "vero-oms/src/index.ts"),
      "export const patched = true;\n",
    );
    const drift = await findDrift(await workspace.listSpecs(), workspace.packages);
    expect(drift).toEqual([
      expect.objectContaining({
        file: join(workspace.packages, "vero-oms/src/index.ts"),
        reason: expect.stringMatching(/differs/),
      }),
    ]);
  });

  test("a hand-written file added to a generated package is reported", async () => {
    const workspace = await generatedWorkspace();
    await writeFile(join(workspace.packages, "pulse-crm/src/helpers.ts"), "export {};\n");
    const drift = await findDrift(await workspace.listSpecs(), workspace.packages);
    expect(drift).toEqual([
      expect.objectContaining({ reason: expect.stringMatching(/not generated from the spec/) }),
    ]);
  });

  test("a released version and the changelog survive regeneration", async () => {
    const workspace = await generatedWorkspace();
    const manifestPath = join(workspace.packages, "enad/package.json");
    const { readFile } = await import("node:fs/promises");
    const manifest = JSON.parse(await readFile(manifestPath, "utf8"));
    await writeFile(
      manifestPath,
      `${JSON.stringify({ ...manifest, version: "3.1.4" }, null, 2)}\n`,
    );
    await writeFile(join(workspace.packages, "enad/CHANGELOG.md"), "# changelog\n");
    await generateWorkspace(await workspace.listSpecs(), workspace.packages);
    expect(JSON.parse(await readFile(manifestPath, "utf8")).version).toBe("3.1.4");
    expect(await readFile(join(workspace.packages, "enad/CHANGELOG.md"), "utf8")).toBe(
      "# changelog\n",
    );
    expect(await findDrift(await workspace.listSpecs(), workspace.packages)).toEqual([]);
  });
});
