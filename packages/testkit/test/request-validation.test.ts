import { describe, expect, test } from "vitest";
import { readSpecExpectations } from "./support/spec-expectations.js";
import { specTable } from "./support/spec-table.js";
import { fetchAnswer, send, useSimulator } from "./support/use-simulator.js";

describe.each(specTable)("$id", ({ specPath }) => {
  const { badInputStatus } = readSpecExpectations(specPath);

  test("answers a sign-in without its password with the spec's error status, naming the field", async () => {
    const sim = await useSimulator({ specPath });
    const { password: _, ...withoutPassword } =
      sim.accounts.find((a) => "password" in a.credentials)?.credentials ?? {};
    const answer = await send(sim, sim.operationIds.signIn, { body: withoutPassword });
    expect(answer.status).toBe(badInputStatus);
    expect(answer.body.message).toMatch(/password/);
    expect(sim.stats.failedSignIns).toBe(1);
  });

  test("answers a body that is not JSON with a bad-input error", async () => {
    const sim = await useSimulator({ specPath });
    const example = sim.exampleRequest(sim.operationIds.signIn);
    const answer = await fetchAnswer(sim.url + example.path, {
      method: "POST",
      headers: example.headers,
      body: "{nope",
    });
    expect(answer.status).toBe(badInputStatus);
    expect(answer.body.message).toBe("body: is not valid JSON");
  });

  test("answers a path outside the spec with 404 and a wrong method with 405", async () => {
    const sim = await useSimulator({ specPath });
    expect((await fetchAnswer(`${sim.url}/nowhere`)).status).toBe(404);
    const example = sim.exampleRequest(sim.operationIds.signIn);
    expect((await fetchAnswer(sim.url + example.path, { method: "DELETE" })).status).toBe(405);
  });
});

test("Enad refuses a password under 10 characters with 400 naming the field", async () => {
  const sim = await useSimulator("enad");
  const answer = await send(sim, "login", {
    body: { email: "lena.berg@example.com", password: "short" },
  });
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({ message: "password: must NOT have fewer than 10 characters" });
});

test("Enad refuses an app_id that is not a UUID", async () => {
  const sim = await useSimulator("enad");
  const answer = await fetchAnswer(`${sim.url}/api/v1/not-a-uuid/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(sim.accounts[0]?.credentials),
  });
  expect(answer.status).toBe(400);
  expect(answer.body.message).toBe('app_id: must match format "uuid"');
});

test("Vero refuses an unknown property with 400 in its AuthError shape", async () => {
  const sim = await useSimulator("vero-oms");
  const answer = await send(sim, "post_api_auth_login", {
    body: { ...sim.accounts[0]?.credentials, remember: true },
  });
  expect(answer.status).toBe(400);
  expect(answer.body).toEqual({
    error: "bad_request",
    message: "remember: must NOT have additional properties (remember)",
    status: 400,
  });
});

test("Vero's recovery refuses an email that is not an email", async () => {
  const sim = await useSimulator("vero-oms");
  const answer = await send(sim, "startPasswordRecovery", { body: { email: "jane" } });
  expect(answer.status).toBe(400);
  expect(answer.body.message).toBe('email: must match format "email"');
});
