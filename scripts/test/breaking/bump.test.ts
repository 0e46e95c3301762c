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

  test("a larger bump covers a smaller one, never the reverse", () => {
    expect(bumpCovers("major", "minor")).toBe(true);
    expect(bumpCovers("minor", "major")).toBe(false);
    expect(bumpCovers("none", "patch")).toBe(false);
    expect(bumpCovers("none", "none")).toBe(true);
  });

  test("the next version of a bump resets the smaller numbers", () => {
    expect(nextVersion("1.4.2", "major")).toBe("2.0.0");
    expect(nextVersion("1.4.2", "minor")).toBe("1.5.0");
    expect(nextVersion("1.4.2", "patch")).toBe("1.4.3");
  });
});
