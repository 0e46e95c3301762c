import { describe, expect, test } from "vitest";
import { isSecretField } from "../src/rules/secret-field.js";

describe("which request fields are secrets", () => {
  test.each([
    ["password", undefined, true],
    ["newPassword", undefined, true],
    ["apiSecret", undefined, true],
    ["client_secret", undefined, true],
    ["pinCode", undefined, true],
    ["OTPCode", undefined, true],
    ["refresh_token", undefined, true],
    ["passphrase", undefined, true],
    ["apiKey", undefined, false],
    ["email", undefined, false],
    ["username", undefined, false],
    ["spinner", undefined, false],
    ["compass", undefined, false],
    ["identifier", undefined, false],
    ["code", { type: "string", format: "password" }, true],
    ["answer", { type: "string", writeOnly: true }, true],
    ["answer", { type: "string" }, false],
  ])("%s (%j): %s", (name, schema, secret) => {
    expect(isSecretField(name, schema)).toBe(secret);
  });
});
