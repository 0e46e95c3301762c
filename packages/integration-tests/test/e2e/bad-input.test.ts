import { describe, expect, test } from "vitest";
import { clientPackages, simulate } from "../support/simulated-provider.js";

describe.each(clientPackages)(
  "$id rejects bad input with a message naming the field",
  (clientPackage) => {
    const signIn = clientPackage.provider.signIn.operationId;

    test("a sign-in body missing a required field", async () => {
      const { simulator, client } = await simulate(clientPackage);
      const example = simulator.exampleRequest(signIn);
      const credentials = { ...(example.body as Record<string, unknown>) };
      const [missing] = Object.keys(credentials).filter((key) => /password|secret/i.test(key));
      delete credentials[missing as string];
      const response = await client.fetch(example.path, {
        method: example.method,
        headers: { "content-type": "application/json" },
        body: JSON.stringify(credentials),
      });
      expect(response.status).toBeGreaterThanOrEqual(400);
      expect(response.status).toBeLessThan(500);
      expect(await response.text()).toContain(missing);
      expect(simulator.stats.signIns).toBe(0);
    });
  },
);

test("Enad refuses a password under 10 characters with a 400 that names it", async () => {
  const enad = clientPackages.find((clientPackage) => clientPackage.id === "enad");
  if (!enad) throw new Error("the enad package is missing");
  const { simulator, client } = await simulate(enad);
  const example = simulator.exampleRequest("login", {
    body: { email: "shopper@example.com", password: "short" },
  });
  const response = await client.fetch(example.path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(example.body),
  });
  expect(response.status).toBe(400);
  expect(await response.text()).toMatch(/password.*10/);
});

test("Vero refuses a sign-in body with an unknown property with a 400 that names it", async () => {
  const vero = clientPackages.find((clientPackage) => clientPackage.id === "vero-oms");
  if (!vero) throw new Error("the vero-oms package is missing");
  const { simulator, client } = await simulate(vero);
  const { data, error, response } = await client.POST(
    "/api/auth/login" as never,
    {
      body: { ...simulator.accounts[0]?.credentials, rememberMe: true },
    } as never,
  );
  expect(response.status).toBe(400);
  expect(data).toBeUndefined();
  expect(JSON.stringify(error)).toContain("rememberMe");
});
