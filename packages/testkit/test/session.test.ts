import { expect, test } from "vitest";
import { send, signIn, useSimulator } from "./support/use-simulator.js";

test("PulseCRM's session answers the sign-in payload of the token's user", async () => {
  const sim = await useSimulator("pulse-crm");
  const emailAccount = sim.accounts.find((account) => account.name === "emailPassword");
  const signedIn = await signIn(sim, emailAccount);
  const session = await send(sim, "getAuthSession", { token: signedIn.token });
  expect(session.status).toBe(200);
  expect(session.body).toEqual(signedIn.body);
});

test("PulseCRM's session refuses a missing or expired token with its 401", async () => {
  const sim = await useSimulator("pulse-crm");
  expect((await send(sim, "getAuthSession")).status).toBe(401);
  const { token } = await signIn(sim);
  sim.expireTokens();
  const expired = await send(sim, "getAuthSession", { token });
  expect(expired.status).toBe(401);
  expect(expired.body).toEqual({ message: "The access token has expired." });
});
