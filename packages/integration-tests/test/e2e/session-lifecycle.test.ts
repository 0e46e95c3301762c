import { inspect } from "node:util";
import { AuthenticationError } from "@loginkit/core";
import { afterEach, describe, expect, test, vi } from "vitest";
import {
  clientPackages,
  expectJson,
  renewalsSeen,
  simulate,
} from "../support/simulated-provider.js";

afterEach(() => {
  vi.useRealTimers();
});

describe.each(clientPackages)("$id against its simulator", (clientPackage) => {
  test("signs in lazily on the first protected call and sends the token there", async () => {
    const { simulator, client } = await simulate(clientPackage);
    const body = await expectJson(await client.fetch("/__loginkit/protected"));
    expect(body.account).toBe(simulator.accounts[0]?.name);
    expect(simulator.stats.signIns).toBe(1);
    expect(body.requestsWithToken).toBe(1);
  });

  test("signIn() returns the provider's sign-in answer and later calls reuse its token", async () => {
    const { simulator, client } = await simulate(clientPackage);
    const data = await client.signIn();
    expect(data).toBeTypeOf("object");
    await client.fetch("/__loginkit/protected");
    await client.fetch("/__loginkit/protected");
    expect(simulator.stats.signIns).toBe(1);
  });

  test("a token the provider expired is renewed once and the call replayed", async () => {
    const { simulator, client } = await simulate(clientPackage);
    await client.fetch("/__loginkit/protected");
    simulator.expireTokens();
    const body = await expectJson(await client.fetch("/__loginkit/protected"));
    expect(body.requestsWithToken).toBe(1);
    expect(renewalsSeen(simulator)).toBe(2);
    if (clientPackage.provider.refresh) expect(simulator.stats.refreshes).toBe(1);
  });

  test("a token about to expire is renewed before the call, with no 401 seen", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const { simulator, client } = await simulate(clientPackage);
    await client.fetch("/__loginkit/protected");
    const expiresAt = Date.parse(
      String((await expectJson(await client.fetch("/__loginkit/protected"))).tokenExpiresAt),
    );
    vi.setSystemTime(expiresAt - 1_000);
    const before = simulator.requests.length;
    await expectJson(await client.fetch("/__loginkit/protected"));
    expect(renewalsSeen(simulator)).toBe(2);
    expect(simulator.requests.slice(before).map((request) => request.status)).not.toContain(401);
  });

  test("wrong credentials are refused once with an AuthenticationError, never retried", async () => {
    const { simulator, client } = await simulate(clientPackage);
    const wrong = simulator.wrongCredentials();
    const error = await client.signIn(wrong).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(simulator.stats.failedSignIns).toBe(1);
    const shown = [JSON.stringify(error), String(error), inspect(error, { depth: 8 })].join("\n");
    for (const [field, value] of Object.entries(wrong)) {
      if (/password|secret/i.test(field)) expect(shown).not.toContain(String(value));
    }
  });

  test("logout ends the session: the next protected call signs in again", async () => {
    const { simulator, client } = await simulate(clientPackage);
    await client.fetch("/__loginkit/protected");
    await client.signOut();
    await expectJson(await client.fetch("/__loginkit/protected"));
    expect(simulator.stats.signIns).toBe(2);
  });

  test("1,000 concurrent calls on an expired session share one renewal", async () => {
    const { simulator, client } = await simulate(clientPackage);
    await client.fetch("/__loginkit/protected");
    simulator.expireTokens();
    const responses = await Promise.all(
      Array.from({ length: 1000 }, () => client.fetch("/__loginkit/protected")),
    );
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(renewalsSeen(simulator)).toBe(2);
  });
});
