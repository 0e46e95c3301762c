import { describe, expect, test } from "vitest";
import { needsToken, readSecurityRequirement } from "../src/rules/security-requirement.js";

describe("whether a call needs a token", () => {
  test.each([
    ["no security anywhere", undefined, undefined, "none", []],
    ["an empty list", [], [{ bearer: [] }], "none", []],
    ["only the empty requirement", [{}], [{ bearer: [] }], "none", []],
    [
      "the empty requirement beside a scheme",
      [{}, { bearer: [] }],
      undefined,
      "optional",
      ["bearer"],
    ],
    [
      "a scheme beside the empty requirement",
      [{ bearer: [] }, {}],
      undefined,
      "optional",
      ["bearer"],
    ],
    ["one scheme", [{ bearer: [] }], undefined, "required", ["bearer"]],
    ["inherited from the document", undefined, [{ bearer: [] }], "required", ["bearer"]],
    [
      "two schemes, either will do",
      [{ bearer: [] }, { apiKey: [] }],
      undefined,
      "required",
      ["bearer", "apiKey"],
    ],
    [
      "two schemes together",
      [{ bearer: [], apiKey: [] }],
      undefined,
      "required",
      ["bearer", "apiKey"],
    ],
  ])("%s", (_case, operationSecurity, documentSecurity, token, schemes) => {
    expect(readSecurityRequirement(operationSecurity, documentSecurity)).toEqual({
      token,
      schemes,
    });
    expect(needsToken(operationSecurity, documentSecurity)).toBe(token === "required");
  });
});
