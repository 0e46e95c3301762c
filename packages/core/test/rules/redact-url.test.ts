import { expect, test } from "vitest";
import { redactUrl } from "../../src/utils/redact-url.js";

test.each([
  ["user info goes", "https://ada:pw@api.test/a", [], "https://api.test/a"],
  ["a fragment goes", "https://api.test/a#secret", [], "https://api.test/a"],
  [
    "a parameter named like a secret",
    "https://api.test/a?access_token=abc",
    [],
    "https://api.test/a?access_token=%5Bredacted%5D",
  ],
  [
    "a JWT-shaped value, whatever its name",
    "https://api.test/a?x=aa.bb.cc",
    [],
    "https://api.test/a?x=%5Bredacted%5D",
  ],
  [
    "a known secret as a value",
    "https://api.test/a?q=hunter22",
    ["hunter22"],
    "https://api.test/a?q=%5Bredacted%5D",
  ],
  [
    "a known secret as a path segment",
    "https://api.test/users/hunter22/x",
    ["hunter22"],
    "https://api.test/users/[redacted]/x",
  ],
  [
    "ordinary parameters stay",
    "https://api.test/a?page=2&sort=name",
    [],
    "https://api.test/a?page=2&sort=name",
  ],
  ["a relative URL keeps only its path", "/a/b?token=abc#x", [], "/a/b"],
])("%s", (_case, input, secrets: string[], expected) => {
  expect(redactUrl(input, secrets)).toBe(expected);
});
