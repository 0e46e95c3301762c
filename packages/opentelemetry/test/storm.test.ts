import { type Simulator, startSimulator } from "@loginkit/testkit";
import { createVeroOmsClient, type VeroOmsCredentials } from "@loginkit/vero-oms";
import { SpanKind } from "@opentelemetry/api";
import { afterEach, beforeEach, expect, test } from "vitest";
import { instrument, SPAN_NAMES } from "../src/index.js";
import { findLeaks, recordSecrets } from "./support/secrets-seen.js";
import {
  childrenOf,
  countOf,
  createTelemetry,
  exportedText,
  parentOf,
  recordedOf,
  spansNamed,
  type Telemetry,
} from "./support/telemetry.js";

let sim: Simulator<VeroOmsCredentials>;
let telemetry: Telemetry;
beforeEach(async () => {
  sim = await startSimulator<VeroOmsCredentials>("vero-oms");
  telemetry = createTelemetry();
});
afterEach(async () => {
  sim.assertNoViolations();
  await sim.close();
  await telemetry.shutdown();
});

const calls = 40;

test("a storm of concurrent calls shows one sign-in span, a child of the call that caused it, with its own POST under it", async () => {
  const secrets = recordSecrets();
  const credentials = sim.accounts[0]!.credentials;
  secrets.remember(credentials);
  const client = createVeroOmsClient({ baseUrl: sim.url, credentials, fetch: secrets.fetch });
  instrument(client, telemetry);

  const answers = await Promise.all(
    Array.from({ length: calls }, () => client.fetch("/__loginkit/protected")),
  );
  expect(answers.map((answer) => answer.status)).toEqual(Array(calls).fill(200));
  expect(sim.stats.signIns).toBe(1);

  const spans = telemetry.spans();
  const signIns = spansNamed(spans, SPAN_NAMES.signIn);
  expect(signIns).toHaveLength(1);
  const signIn = signIns[0]!;
  expect(signIn.attributes["loginkit.provider"]).toBe("vero-oms");

  // Every call is a loginkit.request span with one CLIENT span (one send) under it.
  const requests = spansNamed(spans, SPAN_NAMES.request);
  const userCalls = requests.filter((span) => span.attributes["http.request.method"] === "GET");
  expect(userCalls).toHaveLength(calls);
  for (const call of userCalls) {
    expect(call.kind).toBe(SpanKind.INTERNAL);
    expect(call.attributes["url.full"]).toBe(`${sim.url}/__loginkit/protected`);
    expect(call.attributes["http.response.status_code"]).toBe(200);
    const sends = childrenOf(spans, call).filter((span) => span.kind === SpanKind.CLIENT);
    expect(sends).toHaveLength(1);
    expect(sends[0]!.name).toBe("GET");
    expect(sends[0]!.attributes).toMatchObject({
      "http.request.method": "GET",
      "server.address": "127.0.0.1",
      "server.port": Number(new URL(sim.url).port),
      "http.response.status_code": 200,
    });
    expect(sends[0]!.attributes["http.request.resend_count"]).toBeUndefined();
  }

  // The sign-in is the child of exactly one call (the first that needed a token), and its own
  // POST is a loginkit.request under it, with the CLIENT span of the send under that.
  const cause = userCalls.find((call) => call.spanContext().spanId === parentOf(signIn));
  expect(cause).toBeDefined();
  const [ownCall] = childrenOf(spans, signIn);
  expect(ownCall?.name).toBe(SPAN_NAMES.request);
  expect(ownCall?.attributes["http.request.method"]).toBe("POST");
  const [post] = childrenOf(spans, ownCall!);
  expect(post?.kind).toBe(SpanKind.CLIENT);
  expect(post?.name).toBe("POST");
  expect(post?.attributes["http.response.status_code"]).toBe(200);
  // One trace per call: each call began at the root.
  expect(new Set(userCalls.map((call) => call.spanContext().traceId)).size).toBe(calls);

  const metrics = await telemetry.metrics();
  expect(
    countOf(metrics.get("loginkit.sign_ins"), { "loginkit.sign_in.outcome": "signed-in" }),
  ).toBe(1);
  expect(recordedOf(metrics.get("http.client.request.duration"))).toBe(calls + 1);
  expect(
    recordedOf(metrics.get("http.client.request.duration"), {
      "http.request.method": "GET",
      "http.response.status_code": 200,
      "server.address": "127.0.0.1",
    }),
  ).toBe(calls);

  expect(secrets.list().length).toBeGreaterThan(1);
  expect(findLeaks(await exportedText(telemetry), secrets.list())).toEqual([]);
});

test("trace context goes to the origins in propagateTo, as the traceparent of each send's own span", async () => {
  const credentials = sim.accounts[0]!.credentials;
  const client = createVeroOmsClient({ baseUrl: sim.url, credentials });
  instrument(client, { ...telemetry, propagateTo: [sim.url] });
  await client.fetch("/__loginkit/protected");

  const sends = telemetry.spans().filter((span) => span.kind === SpanKind.CLIENT);
  expect(sends).toHaveLength(2);
  const received = sim.requests.map((request) => readHeader(request.headers, "traceparent"));
  const expected = sends.map(
    (span) => `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`,
  );
  expect(received.sort()).toEqual(expected.sort());
});

test("no trace context goes to an origin that is not in propagateTo", async () => {
  const credentials = sim.accounts[0]!.credentials;
  const client = createVeroOmsClient({ baseUrl: sim.url, credentials });
  instrument(client, { ...telemetry, propagateTo: ["https://elsewhere.example"] });
  const response = await client.fetch("/__loginkit/protected");
  expect(response.status).toBe(200);

  expect(sim.requests).toHaveLength(2);
  for (const request of sim.requests) {
    expect(readHeader(request.headers, "traceparent")).toBeUndefined();
  }
  expect(telemetry.spans().filter((span) => span.kind === SpanKind.CLIENT)).toHaveLength(2);
});

function readHeader(headers: unknown, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const value = record[name];
  return Array.isArray(value) ? value[0] : value;
}
