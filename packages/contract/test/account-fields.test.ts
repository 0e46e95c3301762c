import { expect, test } from "vitest";
import { findAccountFields } from "../src/contract/account-fields.js";

test("each alternative of a oneOf names the account its own way", () => {
  const apiKey = {
    type: "object",
    properties: { apiKey: { type: "string" }, apiSecret: { type: "string" } },
  };
  const password = {
    type: "object",
    properties: { email: { type: "string" }, password: { type: "string" } },
  };
  expect(findAccountFields({ oneOf: [apiKey, password] })).toEqual(["apiKey", "email"]);
});

test.each([
  ["email and password", { email: { type: "string" }, password: { type: "string" } }, ["email"]],
  [
    "client id and secret",
    { client_id: { type: "string" }, client_secret: { type: "string" } },
    ["client_id"],
  ],
  [
    "format password decides",
    { user: { type: "string" }, phrase: { type: "string", format: "password" } },
    ["user"],
  ],
  [
    "a PIN and an OTP are secrets",
    { login: { type: "string" }, pin: { type: "string" }, otp: { type: "string" } },
    ["login"],
  ],
  [
    "non-strings do not name the account",
    { email: { type: "string" }, rememberMe: { type: "boolean" } },
    ["email"],
  ],
  ["no schema, no fields", undefined, []],
])("%s", (_case, properties, expected) => {
  expect(findAccountFields({ type: "object", properties })).toEqual(expected);
});
