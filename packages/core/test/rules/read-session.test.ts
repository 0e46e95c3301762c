import { expect, test } from "vitest";
import { readJwtClaims } from "../../src/session/read-jwt-claims.js";
import { type ReadSessionContext, readSession } from "../../src/session/read-session.js";

const now = Date.parse("2030-01-01T00:00:00Z");
const token = {
  accessToken: "$response.body#/access_token",
  refreshToken: "$response.body#/refresh_token",
  expiresIn: "$response.body#/expires_in",
  expiresAt: "$response.body#/expires_at",
};
const context = (extra: Partial<ReadSessionContext> = {}): ReadSessionContext => ({
  token,
  inputs: [],
  now,
  ...extra,
});
const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
const jwt = (claims: object) => `${base64url({ alg: "HS256" })}.${base64url(claims)}.sig`;
const seconds = (epochMs: number) => Math.floor(epochMs / 1000);

test.each([
  ["expires_in, in seconds from now", { expires_in: 3_600 }, {}, now + 3_600_000],
  ["expires_at as RFC 3339", { expires_at: "2030-01-01T02:00:00Z" }, {}, now + 7_200_000],
  ["expires_at as epoch seconds", { expires_at: String(seconds(now) + 60) }, {}, now + 60_000],
  [
    "expires_at on a server clock 10 min behind, moved onto ours",
    { expires_at: "2030-01-01T00:50:00Z" },
    { serverNow: now - 600_000 },
    now + 3_600_000,
  ],
  ["an expiry in the past is unknown", { expires_in: -5 }, {}, undefined],
  ["more than a year ahead is unknown", { expires_in: 1e308 }, {}, undefined],
  ["no expiry at all is unknown", {}, {}, undefined],
])("%s", (_case, fields, extra: Partial<ReadSessionContext>, expiresAt) => {
  const session = readSession({ access_token: "tok-1", ...fields }, context(extra));
  expect(session.expiresAt).toBe(expiresAt);
  expect(session.issuedAt).toBe(now);
});

test.each([
  [
    "exp - iat is the lifetime, whatever the issuer's clock",
    { iat: 100, exp: 1_900 },
    now + 1_800_000,
  ],
  ["exp alone, on the server clock", { exp: seconds(now) + 900 }, now + 900_000],
  ["no exp: unknown", { sub: "u" }, undefined],
])("a JWT access token: %s", (_case, claims, expiresAt) => {
  const session = readSession({ access_token: jwt(claims) }, context({ readJwtClaims }));
  expect(session.expiresAt).toBe(expiresAt);
});

test("without the JWT feature (a provider whose answers name the expiry), a JWT's exp is not read", () => {
  const session = readSession({ access_token: jwt({ exp: seconds(now) + 900 }) }, context());
  expect(session.expiresAt).toBeUndefined();
});

test("a refresh answer without a refresh token keeps the previous one", () => {
  const previous = { accessToken: "old", refreshToken: "ref-old" };
  const session = readSession({ access_token: "new" }, context({ previous }));
  expect(session.refreshToken).toBe("ref-old");
});

test.each([
  ["no access token", {}, /no access token at \$response\.body#\/access_token/],
  ["a token with a space", { access_token: "a b" }, /cannot be sent in a header/],
])("%s: a ProtocolError that names where, not the value", (_case, body, message) => {
  expect(() => readSession(body, context())).toThrow(message);
});
