import { type Simulator, startSimulator } from "@loginkit/testkit";
import { createVeroOmsClient, type VeroOmsCredentials } from "@loginkit/vero-oms";
import { metrics, trace } from "@opentelemetry/api";
import { afterEach, expect, test } from "vitest";
import { instrument, SPAN_NAMES } from "../src/index.js";
import { countOf, createTelemetry, spansNamed } from "./support/telemetry.js";

let sim: Simulator<VeroOmsCredentials> | undefined;
afterEach(async () => {
  trace.disable();
  metrics.disable();
  sim?.assertNoViolations();
  await sim?.close();
});

test("instrumented before an SDK registers its global providers, a client is traced from its next session event on", async () => {
  sim = await startSimulator<VeroOmsCredentials>("vero-oms");
  const client = createVeroOmsClient({
    baseUrl: sim.url,
    credentials: sim.accounts[0]!.credentials,
  });
  instrument(client); // no provider given, none registered yet
  const telemetry = createTelemetry();
  expect((await client.fetch("/__loginkit/protected")).status).toBe(200);

  trace.setGlobalTracerProvider(telemetry.tracerProvider);
  metrics.setGlobalMeterProvider(telemetry.meterProvider);
  await client.renew(); // a session event: the instrumentation looks again and starts
  expect((await client.fetch("/__loginkit/protected")).status).toBe(200);

  const spans = telemetry.spans();
  // The first call went untraced (nothing recorded then); the renewal and the call after it are.
  expect(spansNamed(spans, SPAN_NAMES.renew)).toHaveLength(1);
  const calls = spansNamed(spans, SPAN_NAMES.request).filter(
    (span) => span.attributes["http.request.method"] === "GET",
  );
  expect(calls).toHaveLength(1);
  const points = (await telemetry.metrics()).get("loginkit.sign_ins");
  expect(countOf(points, { "loginkit.sign_in.outcome": "signed-in" })).toBe(1);
  await telemetry.shutdown();
});

test("a propagateTo that is not a list of http(s) origins is a ConfigurationError naming it", async () => {
  sim = await startSimulator<VeroOmsCredentials>("vero-oms");
  const client = createVeroOmsClient({ baseUrl: sim.url });
  expect(() => instrument(client, { propagateTo: "https://api.example.com" as never })).toThrow(
    expect.objectContaining({ name: "ConfigurationError", option: "propagateTo" }),
  );
  expect(() => instrument(client, { propagateTo: ["ftp://files.example.com"] })).toThrow(
    expect.objectContaining({
      name: "ConfigurationError",
      option: "propagateTo[0]",
      message: "`propagateTo[0]` must be an http(s) URL",
    }),
  );
});
