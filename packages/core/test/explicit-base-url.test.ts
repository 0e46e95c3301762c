import { afterAll, expect, test } from "vitest";
import { createProviderClient } from "../src/index.js";
import { veroLike } from "./helpers/fixtures.js";
import { expectNoLeakedSecrets, PASSWORD, recordOutput } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

/** A staging provider at `staging.vero.test` that signs anyone in; records what each origin was sent. */
function stagingProvider() {
  const seen: { origin: string; authorization: string | null }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    seen.push({ origin: url.origin, authorization: request.headers.get("authorization") });
    if (url.pathname.endsWith("/auth/login")) {
      return Response.json({
        jwt: "staging-token-1234",
        session: { expires_at: "2999-01-01T00:00:00Z" },
      });
    }
    return Response.json({ ok: true });
  };
  return { seen, fetch };
}

test("with an explicit base URL, the spec's production servers get no staging token", async () => {
  const staging = stagingProvider();
  const client = createProviderClient(veroLike, {
    baseUrl: "https://staging.vero.test/api",
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch: staging.fetch,
    onEvent: recordOutput,
  });
  await client.fetch("https://staging.vero.test/api/orders");
  await client.fetch("https://vero.test/api/orders");
  expect(staging.seen.slice(1)).toEqual([
    { origin: "https://staging.vero.test", authorization: "Bearer staging-token-1234" },
    { origin: "https://vero.test", authorization: null },
  ]);
});

test("trustedOrigins lets an explicit base URL share its token with a named host", async () => {
  const staging = stagingProvider();
  const client = createProviderClient(veroLike, {
    baseUrl: "https://staging.vero.test/api",
    trustedOrigins: ["https://rest.staging.vero.test"],
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch: staging.fetch,
  });
  await client.fetch("https://rest.staging.vero.test/orders");
  expect(staging.seen.at(-1)?.authorization).toBe("Bearer staging-token-1234");
});
