import { describe, expect, test } from "vitest";
import { createSimulator, loadSpecConformance } from "../../src/index.js";
import { repositorySpecIds } from "../support/repository-specs.js";

async function signInAnswer(provider: string) {
  const sim = await createSimulator(provider);
  const example = sim.exampleRequest(sim.operationIds.signIn);
  const response = await sim.fetch(example.path, {
    method: example.method,
    headers: example.headers,
    body: JSON.stringify(example.body),
  });
  return {
    sim,
    example,
    answer: { status: response.status, headers: response.headers, body: await response.json() },
  };
}

describe.each(repositorySpecIds)("%s", (provider) => {
  test("the simulator's sign-in answer conforms to the spec", async () => {
    const spec = loadSpecConformance(provider);
    const { example, answer } = await signInAnswer(provider);
    expect(spec.operationAt(example.method, example.path)).toBe(spec.operationIds.signIn);
    expect(spec.findDrift(spec.operationIds.signIn, answer)).toEqual([]);
  });

  test("a refused sign-in from the simulator is the refusal x-loginkit describes", async () => {
    const spec = loadSpecConformance(provider);
    const sim = await createSimulator(provider);
    const example = sim.exampleRequest(sim.operationIds.signIn, { body: sim.wrongCredentials() });
    const response = await sim.fetch(example.path, {
      method: example.method,
      headers: example.headers,
      body: JSON.stringify(example.body),
    });
    const answer = {
      status: response.status,
      headers: response.headers,
      body: await response.json(),
    };
    expect(spec.findDrift(spec.operationIds.signIn, answer)).toEqual([]);
    expect(spec.findRefusalDrift(spec.operationIds.signIn, answer)).toEqual([]);
  });
});

test("a renamed token field is named as missing, with the token's expectation", async () => {
  const spec = loadSpecConformance("enad");
  const { answer } = await signInAnswer("enad");
  const { access_token: token, ...rest } = answer.body as Record<string, unknown>;
  const drift = spec.findDrift("login", { ...answer, body: { ...rest, accessToken: token } });
  expect(drift).toContainEqual(
    expect.objectContaining({ field: "access_token", missing: true, got: undefined }),
  );
});

test("a field of the wrong type is named with what the schema wanted and what came", async () => {
  const spec = loadSpecConformance("enad");
  const { answer } = await signInAnswer("enad");
  const drift = spec.findDrift("login", {
    ...answer,
    body: { ...(answer.body as object), expires_in: "3600" },
  });
  expect(drift).toEqual([
    { field: "expires_in", expected: "must be integer", got: "3600", missing: false },
  ]);
});

test("an undeclared status and a body that is not JSON are drift too", async () => {
  const spec = loadSpecConformance("vero-oms");
  expect(
    spec.findDrift("post_api_auth_login", { status: 418, headers: {}, body: undefined }),
  ).toEqual([expect.objectContaining({ field: "status", got: 418 })]);
  expect(
    spec.findDrift("post_api_auth_login", { status: 200, headers: {}, body: "<html>" }),
  ).toEqual([{ field: "body", expected: "JSON", got: "<html>", missing: false }]);
});

test("a refusal with another error code than badCredentials names the field", async () => {
  const spec = loadSpecConformance("org-platform");
  const drift = spec.findRefusalDrift("login", {
    status: 401,
    headers: {},
    body: { error_code: "token-expired", message: "no" },
  });
  expect(drift).toEqual([expect.objectContaining({ field: "error_code", got: "token-expired" })]);
});

test("PulseCRM's two credential forms are read off the sign-in oneOf", () => {
  const spec = loadSpecConformance("pulse-crm");
  expect(spec.credentialForms.map((form) => form.required)).toEqual([
    ["apiKey", "apiSecret"],
    ["email", "password"],
  ]);
});
