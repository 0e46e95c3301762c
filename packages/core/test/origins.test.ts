import { afterAll, beforeAll, expect, test } from "vitest";
import { createProviderClient, type SessionEvent } from "../src/index.js";
import { orgLike, pulseLike } from "./helpers/fixtures.js";
import { startServer, type TestServer } from "./helpers/http-server.js";
import {
  expectNoLeakedSecrets,
  PASSWORD,
  recordOutput,
  rememberSecret,
} from "./helpers/secrets.js";

const ACCESS = rememberSecret("real-server-ACCESS-token");
const REFRESH = rememberSecret("real-server-REFRESH-token");
let provider: TestServer;
let elsewhere: TestServer;

beforeAll(async () => {
  elsewhere = await startServer((_, respond) => respond(200, { elsewhere: true }));
  provider = await startServer((path, respond) => {
    if (path === "/oauth/token" || path === "/auth/sign-in") {
      respond(
        200,
        {
          access_token: ACCESS,
          token: ACCESS,
          refresh_token: REFRESH,
          expires_in: 3600,
          primaryAccount: { accountId: "acct-42" },
        },
        {
          "set-cookie": "sid=provider-cookie; Path=/",
        },
      );
    } else if (path === "/out") respond(302, {}, { location: `${elsewhere.url}/landing` });
    else if (path === "/out-307") respond(307, {}, { location: `${elsewhere.url}/landing` });
    else if (path === "/inside") respond(302, {}, { location: "/users" });
    else respond(200, { ok: true });
  });
});
afterAll(async () => {
  await provider.close();
  await elsewhere.close();
  expectNoLeakedSecrets();
});

function orgClient() {
  // With a cookie jar, so the tests also prove cookies stay on the provider's origin.
  return createProviderClient(
    { ...orgLike, cookies: true },
    {
      baseUrl: provider.url,
      organizationId: "org-9",
      credentials: { password: PASSWORD },
      onEvent: (event: SessionEvent) => recordOutput(event),
    },
  );
}

const CREDENTIAL_HEADERS = ["authorization", "organization_id", "x-account-id", "cookie"];

function credentialHeadersOf(server: TestServer) {
  return server.seen.map((request) => CREDENTIAL_HEADERS.filter((name) => name in request.headers));
}

test("the provider's own origin gets the token, the organization header and its cookie", async () => {
  const client = orgClient();
  await client.fetch(`${provider.url}/users`);
  await client.fetch(`${provider.url}/users`);
  const last = provider.seen.at(-1);
  expect(last?.headers.authorization).toBe(`Bearer ${ACCESS}`);
  expect(last?.headers.organization_id).toBe("org-9");
  expect(last?.headers.cookie).toBe("sid=provider-cookie");
});

test("a request from the same client to another port on 127.0.0.1 carries no credentials", async () => {
  const client = orgClient();
  await client.fetch(`${provider.url}/users`);
  elsewhere.seen.length = 0;
  const response = await client.fetch(`${elsewhere.url}/collect`, { method: "POST", body: "x" });
  expect(response.status).toBe(200);
  expect(credentialHeadersOf(elsewhere)).toEqual([[]]);
});

test("a request to another origin carries no X-Account-ID either", async () => {
  const client = createProviderClient(pulseLike, {
    baseUrl: provider.url,
    credentials: { password: PASSWORD },
  });
  await client.fetch(`${provider.url}/contacts`);
  expect(provider.seen.at(-1)?.headers["x-account-id"]).toBe("acct-42");
  elsewhere.seen.length = 0;
  await client.fetch(`${elsewhere.url}/collect`);
  expect(credentialHeadersOf(elsewhere)).toEqual([[]]);
});

test.each(["/out", "/out-307"])(
  "a redirect (%s) to another origin drops every credential header",
  async (path) => {
    const client = orgClient();
    await client.signIn();
    elsewhere.seen.length = 0;
    const response = await client.fetch(`${provider.url}${path}`, {
      headers: { "x-trace": "keep" },
    });
    expect(response.status).toBe(200);
    await expect(response.json()).resolves.toEqual({ elsewhere: true });
    expect(credentialHeadersOf(elsewhere)).toEqual([[]]);
    expect(elsewhere.seen[0]?.headers["x-trace"]).toBe("keep");
    expect(provider.seen.at(-1)?.headers.authorization).toBe(`Bearer ${ACCESS}`);
  },
);

test("a redirect within the provider's origin keeps the token", async () => {
  const client = orgClient();
  await client.fetch(`${provider.url}/inside`);
  const last = provider.seen.at(-1);
  expect(last?.path).toBe("/users");
  expect(last?.headers.authorization).toBe(`Bearer ${ACCESS}`);
});
