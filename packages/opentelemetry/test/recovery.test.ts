import { createOrgPlatformClient, type OrgPlatformCredentials } from "@loginkit/org-platform";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { createVeroOmsClient, type VeroOmsCredentials } from "@loginkit/vero-oms";
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { afterEach, beforeEach, expect, test } from "vitest";
import { instrument, SPAN_NAMES } from "../src/index.js";
import { findLeaks, recordSecrets } from "./support/secrets-seen.js";
import {
  childrenOf,
  countOf,
  createTelemetry,
  exportedText,
  recordedOf,
  spansNamed,
  type Telemetry,
} from "./support/telemetry.js";

const protectedPath = "/__loginkit/protected";
const simulators: Simulator<unknown>[] = [];
let telemetry: Telemetry;
beforeEach(() => {
  telemetry = createTelemetry();
});
afterEach(async () => {
  for (const sim of simulators.splice(0)) {
    sim.assertNoViolations();
    await sim.close();
  }
  await telemetry.shutdown();
});

async function start<Credentials>(provider: string) {
  const sim = await startSimulator<Credentials>(provider);
  simulators.push(sim as Simulator<unknown>);
  return sim;
}

test("a retried 503 is one call with a CLIENT span per send, the second with http.request.resend_count 1", async () => {
  const sim = await start<VeroOmsCredentials>("vero-oms");
  const secrets = recordSecrets();
  const credentials = sim.accounts[0]!.credentials;
  secrets.remember(credentials);
  const client = createVeroOmsClient({ baseUrl: sim.url, credentials, fetch: secrets.fetch });
  instrument(client, telemetry);
  await client.signIn();
  sim.inject({ status: 503, headers: { "Retry-After": "0" } }, { path: protectedPath });

  expect((await client.fetch(protectedPath)).status).toBe(200);

  const spans = telemetry.spans();
  const [call] = spansNamed(spans, SPAN_NAMES.request).filter(
    (span) => span.attributes["http.request.method"] === "GET",
  );
  expect(call?.attributes).toMatchObject({
    "http.response.status_code": 200,
    "loginkit.request.attempts": 2,
  });
  expect(call?.status.code).not.toBe(SpanStatusCode.ERROR);
  const sends = childrenOf(spans, call!);
  expect(sends.map((span) => [span.kind, span.name])).toEqual([
    [SpanKind.CLIENT, "GET"],
    [SpanKind.CLIENT, "GET"],
  ]);
  expect(sends[0]!.attributes).toMatchObject({
    "http.response.status_code": 503,
    "error.type": "503",
  });
  expect(sends[0]!.attributes["http.request.resend_count"]).toBeUndefined();
  expect(sends[0]!.status.code).toBe(SpanStatusCode.ERROR);
  expect(sends[1]!.attributes).toMatchObject({
    "http.response.status_code": 200,
    "http.request.resend_count": 1,
  });
  expect(call?.events.map((event) => event.name)).toEqual(["loginkit.retry"]);

  const metrics = await telemetry.metrics();
  expect(
    countOf(metrics.get("loginkit.retries"), {
      "loginkit.retry.reason": "status",
      "http.response.status_code": 503,
    }),
  ).toBe(1);
  const durations = metrics.get("http.client.request.duration");
  expect(recordedOf(durations, { "http.response.status_code": 503, "error.type": "503" })).toBe(1);
  expect(
    recordedOf(durations, { "http.request.method": "GET", "http.response.status_code": 200 }),
  ).toBe(1);
  expect(findLeaks(await exportedText(telemetry), secrets.list())).toEqual([]);
});

test("a renewal after a 401 is a loginkit.renew span between the refused send and the replay, which counts as a resend", async () => {
  const sim = await start<OrgPlatformCredentials>("org-platform");
  const secrets = recordSecrets();
  const credentials = sim.accounts[0]!.credentials;
  secrets.remember(credentials);
  const client = createOrgPlatformClient({ baseUrl: sim.url, credentials, fetch: secrets.fetch });
  instrument(client, telemetry);
  await client.signIn();
  sim.expireTokens();

  expect((await client.fetch(protectedPath)).status).toBe(200);
  expect(sim.stats.refreshes).toBe(1);

  const spans = telemetry.spans();
  const [call] = spansNamed(spans, SPAN_NAMES.request).filter(
    (span) => span.attributes["url.full"] === `${sim.url}${protectedPath}`,
  );
  const children = childrenOf(spans, call!);
  expect(children.map((span) => span.name)).toEqual(["GET", SPAN_NAMES.renew, "GET"]);
  const [refused, renewal, replay] = children;
  expect(refused!.attributes).toMatchObject({
    "http.response.status_code": 401,
    "error.type": "401",
  });
  expect(replay!.attributes).toMatchObject({
    "http.response.status_code": 200,
    "http.request.resend_count": 1,
  });
  expect(renewal!.attributes).toMatchObject({
    "loginkit.provider": "org-platform",
    "loginkit.renewal.outcome": "renewed",
    "loginkit.renewal.via": "refresh",
  });
  // The refresh call is the renewal's child, its send under it.
  const [refreshCall] = childrenOf(spans, renewal!);
  expect(refreshCall?.attributes["http.request.method"]).toBe("POST");
  expect(childrenOf(spans, refreshCall!).map((span) => span.kind)).toEqual([SpanKind.CLIENT]);

  const metrics = await telemetry.metrics();
  expect(
    countOf(metrics.get("loginkit.renewals"), {
      "loginkit.renewal.outcome": "renewed",
      "loginkit.renewal.via": "refresh",
    }),
  ).toBe(1);
  expect(countOf(metrics.get("loginkit.sign_ins"))).toBe(1);
  expect(countOf(metrics.get("loginkit.refresh.refusals"))).toBe(0);
  expect(findLeaks(await exportedText(telemetry), secrets.list())).toEqual([]);
});

test("a refused password is a loginkit.sign_in span in error, counted as refused, with the password nowhere", async () => {
  const sim = await start<VeroOmsCredentials>("vero-oms");
  const secrets = recordSecrets();
  const credentials = sim.wrongCredentials(sim.accounts[0]!) as VeroOmsCredentials;
  secrets.remember(credentials, sim.accounts[0]!.credentials);
  const client = createVeroOmsClient({ baseUrl: sim.url, credentials, fetch: secrets.fetch });
  instrument(client, telemetry);

  const response = client.fetch(protectedPath);
  await expect(response).rejects.toMatchObject({ name: "AuthenticationError", status: 401 });

  const spans = telemetry.spans();
  const [signIn] = spansNamed(spans, SPAN_NAMES.signIn);
  expect(signIn?.status.code).toBe(SpanStatusCode.ERROR);
  expect(signIn?.attributes).toMatchObject({
    "error.type": "AuthenticationError",
    "loginkit.renewal.outcome": "refused",
  });
  const [call] = spansNamed(spans, SPAN_NAMES.request).filter(
    (span) => span.attributes["http.request.method"] === "GET",
  );
  expect(call?.attributes["error.type"]).toBe("AuthenticationError");
  expect(call?.status.code).toBe(SpanStatusCode.ERROR);
  expect(childrenOf(spans, call!).map((span) => span.name)).toEqual([SPAN_NAMES.signIn]);
  const [post] = childrenOf(spans, childrenOf(spans, signIn!)[0]!);
  expect(post?.attributes).toMatchObject({ "http.response.status_code": 401, "error.type": "401" });

  const metrics = await telemetry.metrics();
  expect(countOf(metrics.get("loginkit.sign_ins"), { "loginkit.sign_in.outcome": "refused" })).toBe(
    1,
  );
  expect(
    countOf(metrics.get("loginkit.sign_ins"), { "loginkit.sign_in.outcome": "signed-in" }),
  ).toBe(0);
  expect(countOf(metrics.get("loginkit.retries"))).toBe(0);
  const text = await exportedText(telemetry);
  expect(secrets.list()).toContain((credentials as { password: string }).password);
  expect(findLeaks(text, secrets.list())).toEqual([]);
});

test("signOut() is a loginkit.sign_out span, a child of the caller's span", async () => {
  const sim = await start<VeroOmsCredentials>("vero-oms");
  const client = createVeroOmsClient({
    baseUrl: sim.url,
    credentials: sim.accounts[0]!.credentials,
  });
  instrument(client, telemetry);
  await client.signIn();
  const app = telemetry.tracerProvider.getTracer("app").startSpan("log-out-user");
  await context.with(trace.setSpan(context.active(), app), () => client.signOut());
  app.end();

  const [signOut, ...more] = spansNamed(telemetry.spans(), SPAN_NAMES.signOut);
  expect(more).toEqual([]);
  expect(signOut?.parentSpanContext?.spanId).toBe(app.spanContext().spanId);
  expect(signOut?.attributes["loginkit.provider"]).toBe("vero-oms");
  // The explicit sign-in before it was a root: no caller span was current.
  const [signIn] = spansNamed(telemetry.spans(), SPAN_NAMES.signIn);
  expect(signIn?.parentSpanContext).toBeUndefined();
});
