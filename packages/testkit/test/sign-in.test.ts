import { decodeJwt } from "jose";
import { describe, expect, test } from "vitest";
import { readPointer, readSpecExpectations } from "./support/spec-expectations.js";
import { specTable } from "./support/spec-table.js";
import { send, signIn, useSimulator } from "./support/use-simulator.js";

describe.each(specTable)("$id", ({ specPath }) => {
  // Where the spec states the token's expiry, and its bad-credentials answer: from its YAML.
  const expected = readSpecExpectations(specPath);

  test("signs in every account derived from the spec's request examples, with a JWT whose exp matches the expiry field", async () => {
    const sim = await useSimulator({ specPath });
    expect(sim.accounts.length).toBeGreaterThan(0);
    for (const account of sim.accounts) {
      const { body, token } = await signIn(sim, account);
      const claims = decodeJwt(token);
      expect(claims.sub).toBe(account.subject);
      const { expiry } = expected;
      const stated = expiry.kind === "none" ? undefined : readPointer(body, expiry.pointer);
      if (expiry.kind === "at") expect(claims.exp).toBe(Date.parse(String(stated)) / 1000);
      else if (expiry.kind === "in") expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(stated);
      else expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBe(3600);
    }
    expect(sim.stats.signIns).toBe(sim.accounts.length);
  });

  test("answers a wrong password with the provider's own bad-credentials 401", async () => {
    const sim = await useSimulator({ specPath });
    const answer = await send(sim, sim.operationIds.signIn, { body: sim.wrongCredentials() });
    const { badCredentials, badCredentialsExamples } = expected;
    expect(answer.status).toBe(badCredentials.status);
    if (badCredentials.pointer !== undefined)
      expect(badCredentials.values).toContain(readPointer(answer.body, badCredentials.pointer));
    else expect(badCredentialsExamples).toContainEqual(answer.body);
    expect(sim.stats).toMatchObject({ signIns: 0, failedSignIns: 1 });
  });

  test("accepts an account given in options and issues it its own subject", async () => {
    const example = (await useSimulator({ specPath })).accounts[0]?.credentials ?? {};
    const credentials = Object.fromEntries(
      Object.entries(example).map(([field, value]) => [
        field,
        typeof value === "string" && !/pass|secret/i.test(field) ? `other.${value}` : value,
      ]),
    );
    const sim = await useSimulator({ specPath }, { accounts: [{ name: "other", credentials }] });
    const { token } = await signIn(
      sim,
      sim.accounts.find((account) => account.name === "other"),
    );
    expect(decodeJwt(token).sub).toMatch(/^other\./);
  });
});

test("PulseCRM accepts both forms of its oneOf sign-in body", async () => {
  const sim = await useSimulator("pulse-crm");
  expect(sim.accounts.map((account) => account.name)).toEqual(["apiKey", "emailPassword"]);
  for (const account of sim.accounts) expect((await signIn(sim, account)).status).toBe(200);
});

test("Vero's jwt and session.tokenized carry the same issued token", async () => {
  const sim = await useSimulator("vero-oms");
  const { body } = await signIn(sim);
  expect(body.session.tokenized).toBe(body.jwt);
  expect(body.tokenizedSession.tokenized).toBe(body.jwt);
});

test("resolves a provider id to the spec shipped inside the package", async () => {
  const sim = await useSimulator("org-platform");
  expect(sim.provider).toBe("org-platform");
  expect(sim.specPath).toMatch(/dist[\\/]specs[\\/]org-platform\.yaml$/);
});
