import { afterAll, expect, test } from "vitest";
import { createMemoryTokenStore, HttpError, ProtocolError } from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { answer } from "../helpers/hostile-bodies.js";
import { captureError, expectNoLeakedSecrets, rememberSecret } from "../helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const ONE_YEAR = 365 * 24 * 3_600_000;

test.each([
  ["a line break", "acct-1\r\nX-Evil: yes"],
  ["a character past Latin-1", "acct-\u{1F600}"],
  ["a NUL", "acct\u0000"],
])(
  "an account id with %s read from the sign-in answer fails with a ProtocolError naming the header, not the value",
  async (_name, accountId) => {
    const { client, provider } = setup("pulse");
    const token = rememberSecret("tok-pulse-hostile-ACCESS");
    provider.faults.push(() => answer(JSON.stringify({ token, primaryAccount: { accountId } })));
    const error = await captureError(client.signIn());
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as Error).message).toContain("X-Account-ID");
    expect((error as Error).message).toContain("$response.body#/primaryAccount/accountId");
    expect(JSON.stringify(error)).not.toContain("acct");
    // The bad value was not kept: the next call signs in again and works.
    const response = await client.fetch(`${provider.origin}/contacts`);
    expect(response.status).toBe(200);
    expect(provider.requests.at(-1)?.headers["x-account-id"]).toBe("acct-42");
  },
);

test("a __proto__ key in an error body does not become the prototype of HttpError.body", async () => {
  const { client, provider } = setup("vero", { retry: false });
  provider.faults.push(() =>
    answer('{"message":"busy","__proto__":{"polluted":"yes","status":200}}', 500),
  );
  const error = (await captureError(client.signIn())) as HttpError;
  expect(error).toBeInstanceOf(HttpError);
  const body = error.body as Record<string, unknown>;
  expect(body.message).toBe("busy");
  expect(body.polluted).toBeUndefined();
  expect(Object.getPrototypeOf(body)).toBe(Object.prototype);
  expect(JSON.stringify(error.toJSON())).not.toContain("polluted");
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

test.each([
  ["constructor", '{"jwt":"tok-a-1234","constructor":{"prototype":{"polluted":"yes"}}}'],
  ["__proto__", '{"jwt":"tok-b-1234","__proto__":{"polluted":"yes"}}'],
])(
  "a %s key in a sign-in answer is dropped from the data signIn() returns",
  async (_name, text) => {
    const { client, provider } = setup("vero");
    provider.faults.push(() => answer(text));
    const data = (await client.signIn()) as Record<string, unknown>;
    expect(Object.keys(data)).toEqual(["jwt"]);
    expect(data.polluted).toBeUndefined();
  },
);

test.each([
  ["1e308", 1e308],
  ["a number string beyond a year", "99999999999"],
  ["negative", -30],
  ["NaN as text", "NaN"],
])(
  "expires_in of %s is stored as an unknown expiry, never as Infinity or a past time",
  async (_name, expiresIn) => {
    const tokenStore = createMemoryTokenStore();
    const { client, provider } = setup("enad", { tokenStore });
    const token = rememberSecret(`tok-enad-expiry-${String(expiresIn).length}-ACCESS`);
    provider.faults.push(() =>
      answer(JSON.stringify({ access_token: token, expires_in: expiresIn })),
    );
    await client.signIn();
    const stored = await tokenStore.get("enad-like:https://api.enad.test");
    expect(stored?.expiresAt).toBeUndefined();
    expect(JSON.parse(JSON.stringify(stored))).toEqual({ ...stored, expiresAt: undefined });
    // An unknown expiry is renewed on a 401, not before every request.
    await client.fetch("https://api.enad.test/api/v1/app-1/devices");
    expect(provider.signIns).toBe(1);
  },
);

test("an expires_at in the year 275760 is unknown too, and a valid one within a year is kept", async () => {
  const tokenStore = createMemoryTokenStore();
  const { client, provider } = setup("vero", { tokenStore });
  provider.faults.push(() =>
    answer(
      JSON.stringify({ jwt: "tok-far-1234", session: { expires_at: "+275760-09-13T00:00:00Z" } }),
    ),
  );
  await client.signIn();
  expect((await tokenStore.get("vero-like:https://vero.test/api"))?.expiresAt).toBeUndefined();
  const soon = new Date(Date.now() + ONE_YEAR / 2).toISOString();
  provider.faults.push(() =>
    answer(JSON.stringify({ jwt: "tok-near-1234", session: { expires_at: soon } })),
  );
  await client.signIn();
  expect((await tokenStore.get("vero-like:https://vero.test/api"))?.expiresAt).toBe(
    Date.parse(soon),
  );
});
