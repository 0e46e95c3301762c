import { afterAll, expect, test, vi } from "vitest";
import { setup } from "./helpers/clients.js";
import { startFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

/** A provider whose `/admin` answers 401 to every token: "forbidden", the way some APIs say it. */
function forbiddingProvider() {
  const provider = new FakeProvider("org");
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname === "/admin" && request.headers.has("authorization")) {
      provider.requests.push({
        method: "GET",
        url: request.url,
        headers: {},
        body: "",
        tokenIndex: -1,
        stamp: 0,
      });
      return Response.json({ error_code: "FORBIDDEN" }, { status: 401 });
    }
    return provider.fetch(request);
  };
  return { provider, fetch };
}

test("an endpoint that refuses a freshly renewed token costs one renewal, not one per call", async () => {
  const { provider, fetch } = forbiddingProvider();
  const { client, events } = setup("org", { fetch }, provider);
  const statuses: number[] = [];
  for (let call = 0; call < 5; call++) {
    statuses.push((await client.fetch("https://org.test/admin")).status);
  }
  expect(statuses).toEqual([401, 401, 401, 401, 401]);
  // The first sign-in, then one renewal when the first call was refused: no more.
  expect(provider.signIns + provider.refreshes).toBe(2);
  expect(events.filter((event) => event.type === "renewal-skipped")).toHaveLength(4);
  expect(events).toContainEqual(
    expect.objectContaining({
      type: "renewal-skipped",
      status: 401,
      request: { method: "GET", url: "https://org.test/admin" },
    }),
  );
  // Other endpoints are not affected: the token works there.
  expect((await client.fetch("https://org.test/users")).status).toBe(200);
});

test("after a minute, or with another token, a 401 there renews again", async () => {
  startFakeClock();
  try {
    const { provider, fetch } = forbiddingProvider();
    const { client } = setup("org", { fetch }, provider);
    await client.fetch("https://org.test/admin");
    expect(provider.signIns + provider.refreshes).toBe(2);
    await vi.advanceTimersByTimeAsync(61_000);
    await client.fetch("https://org.test/admin");
    expect(provider.signIns + provider.refreshes).toBe(3);
  } finally {
    vi.useRealTimers();
  }
});
