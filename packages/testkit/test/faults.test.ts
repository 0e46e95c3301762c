import { expect, test } from "vitest";
import { fetchAnswer, send, signIn, useSimulator } from "./support/use-simulator.js";

test("a status fault answers 429 with Retry-After once, then the request works", async () => {
  const sim = await useSimulator("enad");
  sim.inject(
    { status: 429, headers: { "Retry-After": "2" }, body: { message: "slow down" } },
    { operationId: "login" },
  );
  const limited = await send(sim, "login");
  expect(limited.status).toBe(429);
  expect(limited.headers.get("retry-after")).toBe("2");
  expect((await send(sim, "login")).status).toBe(200);
  expect(sim.requests.map((entry) => entry.fault)).toEqual(["status-429", undefined]);
});

test("a status fault can send an HTML body, as a gateway would", async () => {
  const sim = await useSimulator("vero-oms");
  sim.inject(
    { status: 502, body: "<html><body>Bad Gateway</body></html>" },
    { path: "/api/auth/login" },
  );
  const answer = await send(sim, "post_api_auth_login");
  expect(answer.status).toBe(502);
  expect(answer.headers.get("content-type")).toMatch(/text\/html/);
  expect(answer.text).toContain("Bad Gateway");
});

test("a status fault without a body answers the spec's example for that status", async () => {
  const sim = await useSimulator("org-platform");
  sim.inject({ status: 500 });
  const answer = await send(sim, "login");
  expect(answer.status).toBe(500);
  expect(answer.body).toEqual({ message: "Internal error", trace_id: "4d3c2b1a0f9e8d7c" });
});

test("faults repeat for the given number of times", async () => {
  const sim = await useSimulator("enad");
  sim.inject({ status: 503, body: "" }, { times: 2 });
  expect((await send(sim, "login")).status).toBe(503);
  expect((await send(sim, "login")).status).toBe(503);
  expect((await send(sim, "login")).status).toBe(200);
});

test("a delay fault answers normally after the delay", async () => {
  const sim = await useSimulator("enad");
  sim.inject({ delayMs: 150 });
  const started = performance.now();
  expect((await send(sim, "login")).status).toBe(200);
  expect(performance.now() - started).toBeGreaterThanOrEqual(140);
});

test("a reset fault destroys the connection mid-response", async () => {
  const sim = await useSimulator("enad");
  sim.inject({ reset: true });
  await expect(send(sim, "login")).rejects.toThrow();
  expect((await send(sim, "login")).status).toBe(200);
});

test("a malformed-JSON fault sends a body JSON.parse refuses", async () => {
  const sim = await useSimulator("org-platform");
  sim.inject({ malformedJson: true });
  const answer = await send(sim, "login");
  expect(answer.status).toBe(200);
  expect(answer.headers.get("x-loginkit-fault")).toBe("malformedJson");
  expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
});

test("a truncated-JSON fault sends half of the body", async () => {
  const sim = await useSimulator("org-platform");
  sim.inject({ truncatedJson: true });
  const answer = await send(sim, "login");
  expect(answer.status).toBe(200);
  expect(answer.text.startsWith('{"access_token":"eyJ')).toBe(true);
  expect(() => JSON.parse(answer.text)).toThrow(SyntaxError);
});

test("an omit-token fault answers a 200 sign-in without its token field", async () => {
  const sim = await useSimulator("vero-oms");
  sim.inject({ omitToken: true }, { operationId: "post_api_auth_login" });
  const answer = await send(sim, "post_api_auth_login");
  expect(answer.status).toBe(200);
  expect(answer.body.jwt).toBeUndefined();
  expect(answer.body.session).toBeDefined();
});

test("faults can target the out-of-spec protected endpoint", async () => {
  const sim = await useSimulator("enad");
  const { token } = await signIn(sim);
  sim.inject({ status: 503, body: "" }, { path: "/__loginkit/protected" });
  const answer = await fetchAnswer(`${sim.url}/__loginkit/protected`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(answer.status).toBe(503);
});
