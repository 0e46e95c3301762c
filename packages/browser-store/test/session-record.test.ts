import { describe, expect, test } from "vitest";
import { checkRecord, decodeRecord, encodeRecord } from "../src/storage/session-record.js";

const session = { accessToken: "a", refreshToken: "r", expiresAt: 5 };

describe("stored records", () => {
  test.each([
    ["a record with a session", { version: 3, session }],
    ["a deleted session's record (version only)", { version: 4 }],
  ])("%s comes back as written", (_, record) => {
    expect(decodeRecord(encodeRecord(record))).toEqual(record);
  });

  test.each([
    ["another script's value", "hello", "foreign-value"],
    ["broken JSON", "loginkit1:{", "invalid-session"],
    ["a zero version", 'loginkit1:{"version":0}', "invalid-session"],
    ["a fractional version", 'loginkit1:{"version":1.5}', "invalid-session"],
    [
      "a session without a token",
      'loginkit1:{"version":2,"session":{"refreshToken":"r"}}',
      "invalid-session",
    ],
  ])("%s is unreadable (%s)", (_, text, reason) => {
    expect(decodeRecord(text)).toEqual({ unreadable: reason });
  });

  test("a record another tab sent keeps only the fields core knows", () => {
    expect(checkRecord({ version: 9, session: { ...session, stolen: "x" } })).toEqual({
      version: 9,
      session,
    });
  });
});
