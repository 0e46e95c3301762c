import { expect, test } from "vitest";
import { parseStoredSession, readStoredSession } from "../../src/session/read-stored-session.js";

const valid = { accessToken: "tok-1", refreshToken: "ref-1", expiresAt: 1_900_000_000_000 };

test.each([
  ["a full session", valid, valid],
  ["only a token", { accessToken: "tok-1" }, { accessToken: "tok-1" }],
  [
    "a JSON store's null expiry is unknown",
    { accessToken: "t", expiresAt: null },
    { accessToken: "t" },
  ],
  [
    "a string or infinite time is unknown",
    { accessToken: "t", expiresAt: "soon", issuedAt: Number.POSITIVE_INFINITY },
    { accessToken: "t" },
  ],
  ["fields core does not know are dropped", { accessToken: "t", extra: "x" }, { accessToken: "t" }],
  [
    "header inputs kept",
    { accessToken: "t", inputs: { "X-Account-ID": "42" } },
    { accessToken: "t", inputs: { "X-Account-ID": "42" } },
  ],
])("%s reads back as written", (_case, value, expected) => {
  expect(readStoredSession(value)).toEqual(expected);
  expect(parseStoredSession(value)).toStrictEqual(expected);
});

test.each([
  ["not an object", "tok", /session is not an object/],
  ["null", null, /session is not an object/],
  ["an empty token", { accessToken: "" }, /accessToken cannot be sent in a header/],
  ["inputs as an array", { accessToken: "t", inputs: ["x"] }, /inputs is not an object/],
  ["a numeric input", { accessToken: "t", inputs: { "X-A": 1 } }, /inputs\.X-A cannot be sent/],
  ["no token", { refreshToken: "r" }, /accessToken cannot be sent in a header/],
  ["a token with a newline", { accessToken: "a\nb" }, /accessToken cannot be sent in a header/],
  [
    "a numeric refresh token",
    { accessToken: "t", refreshToken: 5 },
    /refreshToken is not a string/,
  ],
  [
    "an input past Latin-1",
    { accessToken: "t", inputs: { "X-A": "\u2603" } },
    /inputs\.X-A cannot be sent/,
  ],
])("%s: a ProtocolError naming the field, and absent for a store", (_case, value, message) => {
  expect(() => readStoredSession(value)).toThrow(message);
  expect(parseStoredSession(value)).toBeUndefined();
});
