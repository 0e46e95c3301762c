import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import { createSimulator, startSimulator } from "../../src/index.js";
import { createMswHandlers } from "../../src/msw.js";

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

test("one handler per simulator: each origin reaches its own simulator through the global fetch", async () => {
  const vero = await createSimulator("vero-oms");
  const enad = await createSimulator("enad");
  server.use(...createMswHandlers(vero, enad));
  expect((await fetch(`${vero.url}/__loginkit/protected`)).status).toBe(401);
  expect((await fetch(`${enad.url}/__loginkit/echo`, { method: "POST" })).status).toBe(401);
  expect(vero.requests.map((entry) => entry.path)).toEqual(["/__loginkit/protected"]);
  expect(enad.requests.map((entry) => entry.path)).toEqual(["/__loginkit/echo"]);
});

test("a request to another origin is not taken by the handlers", async () => {
  const vero = await createSimulator("vero-oms");
  server.use(...createMswHandlers(vero));
  await expect(fetch("http://elsewhere.loginkit.test/__loginkit/protected")).rejects.toThrow();
  expect(vero.requests).toEqual([]);
});

test("the Set-Cookie of Vero's recovery start reaches the client through MSW", async () => {
  const vero = await createSimulator("vero-oms");
  server.use(...createMswHandlers(vero));
  const example = vero.exampleRequest("startPasswordRecovery");
  const response = await fetch(vero.url + example.path, {
    method: "POST",
    headers: example.headers,
    body: JSON.stringify(example.body),
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("set-cookie")).toMatch(/^vero_recovery_session=/);
});

test("handlers also serve a served simulator's origin, answering in process", async () => {
  const served = await startSimulator("enad");
  try {
    server.use(...createMswHandlers(served));
    await fetch(`${served.url}/__loginkit/protected`);
    expect(served.requests).toHaveLength(1);
  } finally {
    await served.close();
  }
});

test("a request its client aborts during a delay fault ends quietly, with no MSW error", async () => {
  const enad = await createSimulator("enad");
  server.use(...createMswHandlers(enad));
  enad.inject({ delayMs: 5_000 });
  const errors = vi.spyOn(console, "error").mockImplementation(() => {});
  try {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("gave up")), 50);
    await expect(
      fetch(`${enad.url}/__loginkit/protected`, { signal: controller.signal }),
    ).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(errors).not.toHaveBeenCalled();
  } finally {
    errors.mockRestore();
  }
});
