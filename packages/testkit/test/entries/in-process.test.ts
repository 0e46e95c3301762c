import { expect, test } from "vitest";
import { createSimulator as createBrowserSimulator } from "../../src/in-process.js";
import { createSimulator, listShippedProviders, TestkitError } from "../../src/index.js";
import { repositorySpecIds } from "../support/repository-specs.js";

test("an in-process simulator answers at a .test URL with no port, one name per simulator", async () => {
  const first = await createSimulator("org-platform");
  const second = await createSimulator("org-platform");
  expect(first.url).toMatch(/^http:\/\/org-platform(-\d+)?\.loginkit\.test$/);
  expect(second.url).not.toBe(first.url);
  const response = await first.fetch(`${first.url}/__loginkit/protected`);
  expect(response.status).toBe(401);
  expect(first.requests).toHaveLength(1);
  expect(second.requests).toHaveLength(0);
});

test("sim.fetch resolves relative URLs against the simulator's URL", async () => {
  const sim = await createSimulator("enad");
  const example = sim.exampleRequest("login");
  const response = await sim.fetch(example.path, {
    method: "POST",
    headers: example.headers,
    body: JSON.stringify(example.body),
  });
  expect(response.status).toBe(200);
  expect(sim.stats.signIns).toBe(1);
});

test("sim.fetch to another origin fails like an unreachable host, and the simulator sees nothing", async () => {
  const sim = await createSimulator("enad");
  await expect(sim.fetch("http://127.0.0.1:9/__loginkit/protected")).rejects.toThrow(TypeError);
  expect(sim.requests).toEqual([]);
});

test("an aborted request rejects with the signal's reason without waiting out a delay fault", async () => {
  const sim = await createSimulator("enad");
  sim.inject({ delayMs: 5_000 });
  const controller = new AbortController();
  const reason = new DOMException("gave up", "TimeoutError");
  const started = performance.now();
  setTimeout(() => controller.abort(reason), 50);
  await expect(sim.fetch("/__loginkit/protected", { signal: controller.signal })).rejects.toBe(
    reason,
  );
  expect(performance.now() - started).toBeLessThan(2_000);
});

test("a reset fault fails the body read mid-answer, as a dropped connection does", async () => {
  const sim = await createSimulator("enad");
  sim.inject({ reset: true });
  const example = sim.exampleRequest("login");
  const response = await sim.fetch(example.path, {
    method: "POST",
    headers: example.headers,
    body: JSON.stringify(example.body),
  });
  expect(response.status).toBe(200);
  await expect(response.text()).rejects.toThrow(TypeError);
});

test("the browser entry loads shipped specs from modules and any spec from its text", async () => {
  expect(listShippedProviders()).toEqual(repositorySpecIds);
  const shipped = await createBrowserSimulator("vero-oms");
  expect(shipped.operationIds.signIn).toBe("post_api_auth_login");
  const text = await (await import("#shipped-specs")).shippedSpecs.enad?.();
  const fromText = await createBrowserSimulator({
    id: "acme-shop",
    specText: String(text?.default),
  });
  expect(fromText.provider).toBe("acme-shop");
  expect(fromText.url).toBe("http://acme-shop.loginkit.test");
});

test("the browser entry refuses a spec file, naming the Node entry that reads files", async () => {
  const refused = createBrowserSimulator({ specPath: "/tmp/acme.yaml" });
  await expect(refused).rejects.toBeInstanceOf(TestkitError);
  await expect(refused).rejects.toThrow(/@loginkit\/testkit" in Node/);
});

test("an unknown provider fails with the shipped ones listed", async () => {
  await expect(createBrowserSimulator("nope")).rejects.toThrow(repositorySpecIds.join(", "));
});
