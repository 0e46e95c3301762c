import { expect, test } from "vitest";
import type { Simulator } from "../src/index.js";
import { fetchAnswer, send, useSimulator } from "./support/use-simulator.js";

const email = "jane.trader@example.com";

async function startRecovery(sim: Simulator): Promise<string> {
  const started = await send(sim, "startPasswordRecovery", { body: { email } });
  expect(started.status).toBe(200);
  expect(started.body).toEqual({ status: "code_sent" });
  const setCookie = started.headers.get("set-cookie") ?? "";
  expect(setCookie).toMatch(/^vero_recovery_session=[\w-]+;/);
  return setCookie.split(";")[0] ?? "";
}

test("Vero's recovery flow resets the password: the new one works, the old one does not", async () => {
  const sim = await useSimulator("vero-oms");
  const oldCredentials = { ...sim.accounts[0]?.credentials };
  const cookie = await startRecovery(sim);
  const code = sim.lastMessageTo(email)?.code;
  expect(code).toMatch(/^\d{6}$/);

  const verified = await send(sim, "verifyPasswordRecovery", {
    body: { code },
    headers: { cookie },
  });
  expect(verified.status).toBe(200);
  expect(verified.body).toEqual({ status: "verified" });

  const reset = await send(sim, "resetPassword", {
    body: { password: "a-brand-new-password" },
    headers: { cookie },
  });
  expect(reset.status).toBe(200);
  expect(reset.body.session.identity.traits.email).toBe(email);
  const authorized = await fetchAnswer(`${sim.url}/__loginkit/protected`, {
    headers: { authorization: `Bearer ${reset.body.jwt}` },
  });
  expect(authorized.status).toBe(200);

  const withNew = await send(sim, "post_api_auth_login", {
    body: { identifier: email, password: "a-brand-new-password" },
  });
  expect(withNew.status).toBe(200);
  const withOld = await send(sim, "post_api_auth_login", { body: oldCredentials });
  expect(withOld.status).toBe(401);
});

test("Vero's verify refuses a wrong code with 401", async () => {
  const sim = await useSimulator("vero-oms");
  const cookie = await startRecovery(sim);
  const answer = await send(sim, "verifyPasswordRecovery", {
    body: { code: "000000x" },
    headers: { cookie },
  });
  expect(answer.status).toBe(401);
  expect(answer.body).toMatchObject({ error: "unauthorized", message: "The code is wrong." });
});

test("Vero's verify needs the recovery cookie", async () => {
  const sim = await useSimulator("vero-oms");
  await startRecovery(sim);
  const code = sim.lastMessageTo(email)?.code;
  const missing = await send(sim, "verifyPasswordRecovery", { body: { code } });
  expect(missing.status).toBe(400);
  expect(missing.body.message).toBe("vero_recovery_session: required cookie parameter is missing");
  const unknown = await send(sim, "verifyPasswordRecovery", {
    body: { code },
    headers: { cookie: "vero_recovery_session=forged" },
  });
  expect(unknown.status).toBe(401);
});

test("Vero's reset-password refuses a session that was not verified", async () => {
  const sim = await useSimulator("vero-oms");
  const cookie = await startRecovery(sim);
  const answer = await send(sim, "resetPassword", {
    body: { password: "a-brand-new-password" },
    headers: { cookie },
  });
  expect(answer.status).toBe(401);
});

test("Vero's recovery session expires with the simulated clock", async () => {
  const sim = await useSimulator("vero-oms", { cookieSessionLifetimeSeconds: 60 });
  const cookie = await startRecovery(sim);
  sim.clock.advance(61_000);
  const code = sim.lastMessageTo(email)?.code;
  const answer = await send(sim, "verifyPasswordRecovery", { body: { code }, headers: { cookie } });
  expect(answer.status).toBe(401);
});

test("Vero's recovery for an unknown address answers the same but sends nothing", async () => {
  const sim = await useSimulator("vero-oms");
  const answer = await send(sim, "startPasswordRecovery", {
    body: { email: "nobody@example.com" },
  });
  expect(answer.status).toBe(200);
  expect(sim.messages).toEqual([]);
});
