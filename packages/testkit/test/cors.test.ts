import { expect, test } from "vitest";
import { fetchAnswer, send, useSimulator } from "./support/use-simulator.js";

const frontEnd = "http://localhost:5173";

test("a preflight from a front end gets a 204 allowing its origin, credentials and the headers asked for", async () => {
  const sim = await useSimulator("vero-oms", { cors: true });
  const example = sim.exampleRequest("post_api_auth_login");
  const answer = await fetchAnswer(sim.url + example.path, {
    method: "OPTIONS",
    headers: {
      origin: frontEnd,
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type, authorization",
    },
  });
  expect(answer.status).toBe(204);
  expect(answer.headers.get("access-control-allow-origin")).toBe(frontEnd);
  expect(answer.headers.get("access-control-allow-credentials")).toBe("true");
  expect(answer.headers.get("access-control-allow-methods")).toContain("POST");
  expect(answer.headers.get("access-control-allow-headers")).toBe("content-type, authorization");
  // Preflights are not the client's requests: no count, and a queued fault waits for the real one.
  expect(sim.requests).toEqual([]);
});

test("a preflight leaves a queued fault for the request it precedes", async () => {
  const sim = await useSimulator("enad", { cors: true });
  sim.inject({ status: 503 }, { operationId: "login" });
  const example = sim.exampleRequest("login");
  await fetchAnswer(sim.url + example.path, {
    method: "OPTIONS",
    headers: { origin: frontEnd, "access-control-request-method": "POST" },
  });
  expect((await send(sim, "login", { headers: { origin: frontEnd } })).status).toBe(503);
});

test("answers echo the origin and expose Retry-After, Date and the spec's response headers", async () => {
  const sim = await useSimulator("vero-oms", { cors: true });
  sim.inject(
    { status: 429, headers: { "Retry-After": "1" } },
    { operationId: "post_api_auth_login" },
  );
  const limited = await send(sim, "post_api_auth_login", { headers: { origin: frontEnd } });
  expect(limited.status).toBe(429);
  expect(limited.headers.get("access-control-allow-origin")).toBe(frontEnd);
  expect(limited.headers.get("access-control-allow-credentials")).toBe("true");
  expect(limited.headers.get("vary")).toContain("Origin");
  const exposed = (limited.headers.get("access-control-expose-headers") ?? "")
    .toLowerCase()
    .split(/,\s*/);
  expect(exposed).toEqual(
    expect.arrayContaining(["retry-after", "retry-after-ms", "date", "x-request-id"]),
  );
  // Set-Cookie is declared by Vero's recovery start, but no browser lets a script read it.
  expect(exposed).not.toContain("set-cookie");
});

test("a list of origins allows those origins only", async () => {
  const sim = await useSimulator("enad", { cors: [frontEnd] });
  const allowed = await send(sim, "login", { headers: { origin: frontEnd } });
  expect(allowed.headers.get("access-control-allow-origin")).toBe(frontEnd);
  const other = await send(sim, "login", { headers: { origin: "http://evil.example" } });
  expect(other.status).toBe(200);
  expect(other.headers.get("access-control-allow-origin")).toBeNull();
  const example = sim.exampleRequest("login");
  const preflight = await fetchAnswer(sim.url + example.path, {
    method: "OPTIONS",
    headers: { origin: "http://evil.example", "access-control-request-method": "POST" },
  });
  expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
});

test("without the option there are no CORS headers and OPTIONS is not an operation", async () => {
  const sim = await useSimulator("enad");
  const answer = await send(sim, "login", { headers: { origin: frontEnd } });
  expect(answer.headers.get("access-control-allow-origin")).toBeNull();
  const example = sim.exampleRequest("login");
  const options = await fetchAnswer(sim.url + example.path, {
    method: "OPTIONS",
    headers: { origin: frontEnd, "access-control-request-method": "POST" },
  });
  expect(options.status).toBe(405);
});
