import fc from "fast-check";
import { afterAll, afterEach, expect, test, vi } from "vitest";
import { LoginkitError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { startFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider, type Fault, networkFault, statusFault } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets, recordOutput } from "./helpers/secrets.js";

afterEach(() => {
  vi.useRealTimers();
});
afterAll(expectNoLeakedSecrets);

const LIMIT = 2;
const faultKinds = ["ok", "ok", "401", "429", "500", "503", "network", "revoke"] as const;
type FaultKind = (typeof faultKinds)[number];

function toFault(kind: FaultKind, provider: FakeProvider): Fault {
  switch (kind) {
    case "ok":
      return () => undefined;
    case "401":
      return statusFault(401);
    case "429":
      return statusFault(429, { "retry-after": "1" });
    case "network":
      return networkFault;
    case "revoke":
      return () => {
        provider.revokeAll();
        return undefined;
      };
    default:
      return statusFault(Number(kind));
  }
}

const scenario = fc.record({
  kind: fc.constantFrom("org" as const, "vero" as const),
  faults: fc.array(fc.constantFrom(...faultKinds), { maxLength: 30 }),
  requests: fc.array(fc.record({ post: fc.boolean(), startAfter: fc.nat(3_000) }), {
    minLength: 1,
    maxLength: 15,
  }),
  lifetimeMs: fc.constantFrom(2_000, 60_000),
});

test("random schedules of 401, 429, 5xx and network faults never hang, leak a second token request or exceed the limit", async () => {
  await fc.assert(
    fc.asyncProperty(scenario, async ({ kind, faults, requests, lifetimeMs }) => {
      startFakeClock();
      const provider = new FakeProvider(kind, lifetimeMs);
      provider.tokenLatencyMs = 5;
      const { client, events } = setup(kind, { retry: { limit: LIMIT, jitter: true } }, provider);
      const issuedSeen = () =>
        events.filter((event) => event.type === "signed-in" || event.type === "renewed").length;
      provider.stamp = issuedSeen;
      provider.faults.push(...faults.map((fault) => toFault(fault, provider)));
      const url = kind === "org" ? "https://org.test/users" : "https://vero.test/api/orders";

      let settled = 0;
      const outcomes = requests.map(async ({ post, startAfter }, index) => {
        await new Promise((resolve) => setTimeout(resolve, startAfter));
        const init = {
          method: post ? "POST" : "GET",
          body: post ? "{}" : undefined,
          headers: { "x-req": String(index) },
        };
        try {
          return await client.fetch(url, init);
        } catch (error) {
          return recordOutput(error);
        } finally {
          settled++;
        }
      });
      for (let step = 0; step < 1_000 && settled < requests.length; step++) {
        await vi.advanceTimersByTimeAsync(100);
      }
      expect(settled, "every request settles").toBe(requests.length);
      for (const outcome of await Promise.all(outcomes)) {
        if (!(outcome instanceof Response)) expect(outcome).toBeInstanceOf(LoginkitError);
      }
      expect(
        provider.maxTokenRequestsInFlight,
        "one sign-in or refresh at a time",
      ).toBeLessThanOrEqual(1);
      for (const request of provider.requests) {
        if (request.tokenIndex >= 0)
          expect(request.tokenIndex, "newest token").toBeGreaterThanOrEqual(request.stamp - 1);
      }
      for (let index = 0; index < requests.length; index++) {
        const sends = provider.requests.filter(
          (request) => request.headers["x-req"] === String(index),
        ).length;
        // Attempts up to the limit, plus the single replay after a rejected token.
        expect(sends).toBeLessThanOrEqual(LIMIT + 2);
      }
      for (const event of events)
        if (event.type === "retry") expect(event.attempt).toBeLessThanOrEqual(LIMIT);
      vi.useRealTimers();
    }),
    { numRuns: 60 },
  );
});
