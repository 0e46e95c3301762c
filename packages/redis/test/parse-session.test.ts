import { expect, test } from "vitest";
import { parseSession } from "../src/codec/parse-session.js";

test.each([
  ["null", null],
  ["a string", "token"],
  ["no access token", { refreshToken: "r" }],
  ["an empty access token", { accessToken: "" }],
  ["a numeric refresh token", { accessToken: "a", refreshToken: 1 }],
  ["a string expiry", { accessToken: "a", expiresAt: "soon" }],
  ["an infinite issue time", { accessToken: "a", issuedAt: Number.POSITIVE_INFINITY }],
  ["inputs as an array", { accessToken: "a", inputs: ["x"] }],
  ["a numeric input", { accessToken: "a", inputs: { "X-Account-ID": 1 } }],
])("%s is not a session", (_, value) => {
  expect(parseSession(value)).toBeUndefined();
});

test("keeps only the fields core knows", () => {
  expect(parseSession({ accessToken: "a", expiresAt: 5, extra: "dropped" })).toEqual({
    accessToken: "a",
    expiresAt: 5,
  });
});
