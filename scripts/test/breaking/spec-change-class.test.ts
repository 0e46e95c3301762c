import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { diffSpecs } from "../../src/breaking/diff-specs.js";

const fixture = (name: string) => join(import.meta.dirname, "fixtures", name);
const labels = { base: "base.yaml", revision: "revision.yaml" };

describe("how a spec change is classified", () => {
  test.each([
    ["removed-response-field.yaml", "major", "expiresAt"],
    ["newly-required-request-field.yaml", "major", "otp"],
    ["new-optional-response-field.yaml", "minor", "scope"],
    ["new-operation.yaml", "minor", "/logout"],
    ["description-change.yaml", "patch", "description"],
  ])("%s requires a %s release and names %s", async (revision, bump, named) => {
    const diff = await diffSpecs(fixture("base.yaml"), fixture(revision), labels);
    expect(diff.bump).toBe(bump);
    const driving = diff.changes.filter((change) => change.impact === bump);
    expect(driving.map((change) => change.description).join("\n")).toContain(named);
  });

  test("an unchanged spec requires no release", async () => {
    const diff = await diffSpecs(fixture("base.yaml"), fixture("base.yaml"), labels);
    expect(diff).toEqual({ bump: "none", changes: [] });
  });

  test("a removed field is located on its line in the old spec", async () => {
    const diff = await diffSpecs(
      fixture("base.yaml"),
      fixture("removed-response-field.yaml"),
      labels,
    );
    expect(diff.changes[0]?.location).toMatch(/^base\.yaml:\d+$/);
  });
});
