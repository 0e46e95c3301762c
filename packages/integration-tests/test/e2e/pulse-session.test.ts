import { createPulseCrmClient } from "@loginkit/pulse-crm";
import { expect, test } from "vitest";
import { startCheckedSimulator } from "../support/simulated-provider.js";
import { transportFetch as fetch } from "../support/transport.js";

test("PulseCRM's session() answers for the signed-in user and sends X-Account-ID from the sign-in", async () => {
  const simulator = await startCheckedSimulator("pulse-crm");
  const account = simulator.accounts[0];
  const pulse = createPulseCrmClient({
    baseUrl: simulator.url,
    fetch,
    credentials: account?.credentials as never,
  });
  const signedIn = await pulse.signIn();
  const session = await pulse.session();
  expect(session.email).toBe(signedIn.email);
  expect(session.token).toEqual(expect.any(String));
  const echo = await (await pulse.fetch("/__loginkit/protected")).json();
  expect(echo.headers["x-account-id"]).toBe(signedIn.primaryAccount?.accountId);
  expect(simulator.stats.signIns).toBe(1);
});

test("PulseCRM's session() after the token expired renews and still answers", async () => {
  const simulator = await startCheckedSimulator("pulse-crm");
  const pulse = createPulseCrmClient({
    baseUrl: simulator.url,
    fetch,
    credentials: simulator.accounts[0]?.credentials as never,
  });
  await pulse.signIn();
  simulator.expireTokens();
  await expect(pulse.session()).resolves.toMatchObject({ token: expect.any(String) });
  expect(simulator.stats.signIns).toBe(2);
});
