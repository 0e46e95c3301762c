import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { generateWorkspace } from "../src/generate-workspace.js";
import { listSpecs, specsDirectory } from "../src/workspace.js";
import { createTemporaryWorkspace } from "./temporary-workspace.js";

const ids = (entries: readonly { entry?: { id: string }; id?: string }[]) =>
  entries.map((item) => item.entry?.id ?? item.id).sort();

/** Every spec of the repository, from `specs/`: a fifth one is expected like the others. */
const every = (await listSpecs(specsDirectory)).map((spec) => spec.id).sort();
/** What a run that rewrote only `written` reports. */
const only = (...written: string[]) => ({
  written,
  skipped: every.filter((id) => !written.includes(id)),
});

describe("pnpm generate regenerates only what changed", () => {
  test.each([
    ["nothing changed", async () => {}, only()],
    [
      "one spec changed",
      async (workspace: Awaited<ReturnType<typeof createTemporaryWorkspace>>) => {
        await workspace.editSpec("enad", (text) =>
          text.replace("displayName: Enad", "displayName: Enad Shopper"),
        );
      },
      only("enad"),
    ],
    [
      "a generated file edited by hand",
      async (workspace: Awaited<ReturnType<typeof createTemporaryWorkspace>>) => {
        const file = join(workspace.packages, "pulse-crm/src/provider.ts");
        await writeFile(file, `${await readFile(file, "utf8")}// a hand edit\n`);
      },
      only("pulse-crm"),
    ],
    [
      "a package whose recorded generator fingerprint is another generator's",
      async (workspace: Awaited<ReturnType<typeof createTemporaryWorkspace>>) => {
        const file = join(workspace.packages, "vero-oms/package.json");
        const manifest = JSON.parse(await readFile(file, "utf8"));
        manifest.loginkit.generatorSha256 = "0".repeat(64);
        await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
      },
      only("vero-oms"),
    ],
  ])("%s", async (_case, change, expected) => {
    const workspace = await createTemporaryWorkspace();
    await generateWorkspace(await workspace.listSpecs(), workspace.packages);
    await change(workspace);
    const result = await generateWorkspace(await workspace.listSpecs(), workspace.packages);
    expect({ written: ids(result.written), skipped: ids(result.skipped) }).toEqual(expected);
  });

  test("a hand edit is undone and --force regenerates every package", async () => {
    const workspace = await createTemporaryWorkspace();
    await generateWorkspace(await workspace.listSpecs(), workspace.packages);
    const file = join(workspace.packages, "enad/README.md");
    const generated = await readFile(file, "utf8");
    await writeFile(file, "edited\n");
    await generateWorkspace(await workspace.listSpecs(), workspace.packages);
    expect(await readFile(file, "utf8")).toBe(generated);
    const forced = await generateWorkspace(await workspace.listSpecs(), workspace.packages, {
      force: true,
    });
    expect(ids(forced.written)).toEqual(every);
  });
});
