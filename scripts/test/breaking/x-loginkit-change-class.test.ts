import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { diffSpecs } from "../../src/breaking/diff-specs.js";
import { specsDirectory } from "../../src/workspace.js";

const labels = { base: "base.yaml", revision: "revision.yaml" };

/** The diff between PulseCRM's spec and a copy edited by `edit`. */
async function diffAfter(edit: (spec: string) => string) {
  const base = join(specsDirectory, "pulse-crm.yaml");
  const text = await readFile(base, "utf8");
  const edited = edit(text);
  if (edited === text) throw new Error("the edit changed nothing");
  const folder = await mkdtemp(join(tmpdir(), "loginkit-x-diff-"));
  scratch.push(folder);
  const revision = join(folder, "pulse-crm.yaml");
  await writeFile(revision, edited);
  return diffSpecs(base, revision, labels);
}

const scratch: string[] = [];
afterAll(async () => {
  await Promise.all(scratch.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe("x-loginkit changes are rated by what they do to the client's API", () => {
  test("a renamed client option is major", async () => {
    const diff = await diffAfter((spec) =>
      spec.replace("option: accountId", "option: accountIdentifier"),
    );
    expect(diff.bump).toBe("major");
    expect(diff.changes.map((change) => change.description).join("\n")).toContain(
      "`accountId` was removed or renamed",
    );
  });

  test("a client option that becomes required is major", async () => {
    const diff = await diffAfter((spec) =>
      spec.replace(/(option: accountId[\s\S]*?required: )false/, "$1true"),
    );
    expect(diff.bump).toBe("major");
  });

  test("a lost session() is major", async () => {
    const diff = await diffAfter((spec) =>
      spec.replace(/\n {2}session:\n {4}operationId: getAuthSession/, ""),
    );
    expect(diff.changes.map((change) => change.description).join("\n")).toContain(
      "`client.session()` is gone",
    );
    expect(diff.bump).toBe("major");
  });

  test("any other x-loginkit change (its summary, say) is a patch", async () => {
    const diff = await diffAfter((spec) =>
      spec.replace(/(x-loginkit:[\s\S]*?)summary: >-/, "$1summary: >-\n    Changed."),
    );
    expect(diff.bump).toBe("patch");
  });
});
