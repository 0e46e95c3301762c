import { NetworkError, ProtocolError, type SessionEvent } from "@loginkit/core";
import { describe, expect, test } from "vitest";
import { clientPackages, expectJson, simulate } from "../support/simulated-provider.js";

const protectedPath = "/__loginkit/protected";
const retries = (events: SessionEvent[]) => events.filter((event) => event.type === "retry");

describe.each(clientPackages)("$id survives injected faults", (clientPackage) => {
  const signIn = clientPackage.provider.signIn.operationId;

  test.each([
    ["a 503", { status: 503 }],
    [
      "a 502 with an HTML body",
      { status: 502, headers: { "content-type": "text/html" }, body: "<html>Bad gateway</html>" },
    ],
  ])("%s on a protected call is retried and the call succeeds", async (_name, fault) => {
    const { simulator, client, events } = await simulate(clientPackage);
    await client.signIn();
    simulator.inject(fault, { path: protectedPath });
    await expectJson(await client.fetch(protectedPath));
    expect(simulator.stats.requestsByOperation["__loginkit/protected"]).toBe(2);
    expect(retries(events)).toHaveLength(1);
  });

  // Issue #20: the answer was handed over; a cut while the caller reads it is the caller's
  // NetworkError, and nothing is sent again (a POST must not run twice for a lost body).
  test("a connection reset mid-response is the caller's NetworkError when the body is read, sent once", async () => {
    const { simulator, client, events } = await simulate(clientPackage);
    await client.signIn();
    simulator.inject({ reset: true }, { path: protectedPath });
    const response = await client.fetch(protectedPath);
    await expect(response.text()).rejects.toBeInstanceOf(NetworkError);
    expect(simulator.stats.requestsByOperation["__loginkit/protected"]).toBe(1);
    expect(retries(events)).toHaveLength(0);
  });

  test("a 429 with Retry-After: 1 is retried no sooner than a second later", async () => {
    const { simulator, client, events } = await simulate(clientPackage);
    await client.signIn();
    simulator.inject({ status: 429, headers: { "retry-after": "1" } }, { path: protectedPath });
    const started = performance.now();
    await expectJson(await client.fetch(protectedPath));
    expect(performance.now() - started).toBeGreaterThanOrEqual(990);
    expect(retries(events)).toEqual([expect.objectContaining({ delay: 1000, status: 429 })]);
  });

  test("an attempt slower than the timeout is abandoned and retried", async () => {
    const { simulator, client } = await simulate(clientPackage, { timeout: 300 });
    await client.signIn();
    simulator.inject({ delayMs: 1_000 }, { path: protectedPath });
    await expectJson(await client.fetch(protectedPath));
    expect(simulator.stats.requestsByOperation["__loginkit/protected"]).toBe(2);
  });

  test("a 503 on sign-in is retried, since signing in is safe to replay", async () => {
    const { simulator, client } = await simulate(clientPackage);
    simulator.inject({ status: 503 }, { operationId: signIn });
    await expectJson(await client.fetch(protectedPath));
    expect(simulator.stats.signIns).toBe(1);
  });

  test.each([
    ["malformed JSON", { malformedJson: true as const }],
    ["truncated JSON", { truncatedJson: true as const }],
    ["no token", { omitToken: true as const }],
  ])(
    "a sign-in answer with %s fails with a typed error, and the next call recovers",
    async (_name, fault) => {
      const { simulator, client } = await simulate(clientPackage);
      simulator.inject(fault, { operationId: signIn });
      const error = await client.signIn().catch((caught: unknown) => caught);
      // Not an AuthenticationError: nothing says the credentials are wrong, so later calls may retry.
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as Error).message).toContain(clientPackage.provider.token.accessToken);
      await expectJson(await client.fetch(protectedPath));
    },
  );
});
