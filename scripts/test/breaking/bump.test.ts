import { describe, expect, test } from "vitest";
import { bumpBetween, bumpCovers, nextVersion } from "../../src/breaking/bump.js";

describe("semver bumps", () => {
  test.each([
    ["1.0.0", "2.0.0", "major"],
    ["1.0.0", "1.1.0", "minor"],
    ["1.2.3", "1.2.4", "patch"],
    ["1.2.3", "1.2.3", "none"],
    ["2.0.0", "1.9.9", undefined],
    ["1.0.0", "soon", undefined],
  ])("%s → %s is a %s bump", (from, to, bump) => {
    expect(bumpBetween(from, to)).toBe(bump);
  });

  test.each([
    ["major", "minor", true],
    ["minor", "major", false],
    ["none", "patch", false],
    ["none", "none", true],
  ] as const)("a %s bump covers a %s change: %s", (actual, required, covers) => {
    expect(bumpCovers(actual, required)).toBe(covers);
  });

  test.each([
    ["1.4.2", "major", "2.0.0"],
    ["1.4.2", "minor", "1.5.0"],
    ["1.4.2", "patch", "1.4.3"],
  ] as const)("the %s release after %s is %s: smaller numbers reset", (version, bump, next) => {
    expect(nextVersion(version, bump)).toBe(next);
  });
});
