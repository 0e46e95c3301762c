import { decodeJwt } from "jose";
import { expect, test } from "vitest";
import { fetchAnswer, send, signIn, useSimulator } from "./support/use-simulator.js";

const protectedAnswer = (url: string, token: string) =>
  fetchAnswer(`${url}/__loginkit/protected`, { headers: { authorization: `Bearer ${token}` } });

test("advancing the clock past the token's lifetime expires it without waiting", async () => {
  const sim = await useSimulator("enad");
  const { token } = await signIn(sim);
  // exp is whole seconds after iat (floored): keep a margin of a second or two on each side.
  sim.clock.advance(3_597_000);
  expect((await protectedAnswer(sim.url, token)).status).toBe(200);
  sim.clock.advance(4_000);
  expect((await protectedAnswer(sim.url, token)).status).toBe(401);
});

test("tokens issued after the clock moved carry the simulated time", async () => {
  const sim = await useSimulator("org-platform", { tokenLifetimeSeconds: 60 });
  sim.clock.advance(86_400_000);
  const { token } = await signIn(sim);
  const claims = decodeJwt(token);
  expect((claims.iat ?? 0) * 1000).toBeGreaterThan(Date.now() + 86_000_000);
  expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(60);
  expect((await protectedAnswer(sim.url, token)).status).toBe(200);
});

test("counts sign-ins, failures, refreshes and requests by token and operation", async () => {
  const sim = await useSimulator("org-platform");
  const { token, body } = await signIn(sim);
  await send(sim, "login", { body: sim.wrongCredentials() });
  await send(sim, "refreshToken", { body: { refresh_token: body.refresh_token } });
  await protectedAnswer(sim.url, token);
  await protectedAnswer(sim.url, token);
  const stats = sim.stats;
  expect(stats).toMatchObject({ signIns: 1, failedSignIns: 1, refreshes: 1 });
  expect(stats.requestsByOperation).toEqual({
    login: 2,
    refreshToken: 1,
    "__loginkit/protected": 2,
  });
  expect(sim.requestsWithToken(token)).toBe(2);
  expect(Object.values(stats.requestsByToken)).toEqual([2]);
});

test("the request log keeps no secret", async () => {
  const sim = await useSimulator("enad");
  const { token } = await signIn(sim);
  await protectedAnswer(sim.url, token);
  const entry = sim.requests.at(-1);
  expect(entry).toMatchObject({ method: "GET", path: "/__loginkit/protected", status: 200 });
  expect(entry?.headers.authorization).toBe("[redacted]");
  expect(JSON.stringify(sim.requests)).not.toContain(token);
});
