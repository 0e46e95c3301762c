import { expect, test } from "vitest";
import { fetchAnswer, send, signIn, useSimulator } from "./support/use-simulator.js";

test("org-platform's refresh answers new tokens and rotates the refresh token", async () => {
  const sim = await useSimulator("org-platform");
  const first = await signIn(sim);
  sim.expireTokens();
  const renewed = await send(sim, "refreshToken", {
    body: { refresh_token: first.body.refresh_token },
  });
  expect(renewed.status).toBe(200);
  expect(renewed.body.access_token).not.toBe(first.body.access_token);
  expect(renewed.body.refresh_token).not.toBe(first.body.refresh_token);
  const protectedAnswer = await fetchAnswer(`${sim.url}/__loginkit/protected`, {
    headers: { authorization: `Bearer ${renewed.body.access_token}` },
  });
  expect(protectedAnswer.status).toBe(200);
  expect(sim.stats.refreshes).toBe(1);
});

test("org-platform refuses a refresh token that was already used, as token-expired", async () => {
  const sim = await useSimulator("org-platform");
  const { body } = await signIn(sim);
  expect(
    (await send(sim, "refreshToken", { body: { refresh_token: body.refresh_token } })).status,
  ).toBe(200);
  const reused = await send(sim, "refreshToken", { body: { refresh_token: body.refresh_token } });
  expect(reused.status).toBe(401);
  expect(reused.body.error_code).toBe("token-expired");
  expect(sim.stats.refreshes).toBe(1);
});

test("org-platform refuses a refresh token it never issued", async () => {
  const sim = await useSimulator("org-platform");
  const answer = await send(sim, "refreshToken", {
    body: { refresh_token: "8f14e45f-ceea-467f-a0e6-3f5b1c2d9e7a" },
  });
  expect(answer.status).toBe(401);
});

test("with refreshTokenReuse: revoke-family, a spent refresh token presented again revokes its whole family, the newest tokens too (Auth0, Hydra, Keycloak)", async () => {
  const sim = await useSimulator("org-platform", { refreshTokenReuse: "revoke-family" });
  const first = await signIn(sim);
  const other = await signIn(sim);
  const renewed = await send(sim, "refreshToken", {
    body: { refresh_token: first.body.refresh_token },
  });
  expect(renewed.status).toBe(200);
  const protectedWith = (token: string) =>
    fetchAnswer(`${sim.url}/__loginkit/protected`, {
      headers: { authorization: `Bearer ${token}` },
    });
  expect((await protectedWith(renewed.body.access_token)).status).toBe(200);
  // The spent token comes back (a holder that died after its refresh, and a successor).
  const reused = await send(sim, "refreshToken", {
    body: { refresh_token: first.body.refresh_token },
  });
  expect(reused.status).toBe(401);
  expect(sim.stats.revokedTokenFamilies).toBe(1);
  // Everything of that family is gone: the newest access token and refresh token too.
  expect((await protectedWith(renewed.body.access_token)).status).toBe(401);
  expect(
    (await send(sim, "refreshToken", { body: { refresh_token: renewed.body.refresh_token } }))
      .status,
  ).toBe(401);
  // Another sign-in's family is untouched.
  expect((await protectedWith(other.body.access_token)).status).toBe(200);
});

test("by default a reused refresh token is only refused: the family lives on", async () => {
  const sim = await useSimulator("org-platform");
  const first = await signIn(sim);
  const renewed = await send(sim, "refreshToken", {
    body: { refresh_token: first.body.refresh_token },
  });
  await send(sim, "refreshToken", { body: { refresh_token: first.body.refresh_token } });
  expect(sim.stats.revokedTokenFamilies).toBe(0);
  expect(
    (await send(sim, "refreshToken", { body: { refresh_token: renewed.body.refresh_token } }))
      .status,
  ).toBe(200);
});
