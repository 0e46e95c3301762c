// Draws docs/renewal-storm.svg: a renewal storm traced by @loginkit/opentelemetry and exported by
// the SDK's in-memory exporter. Run: pnpm --filter @loginkit/opentelemetry draw
import { writeFile } from "node:fs/promises";
import { createOrgPlatformClient, type OrgPlatformCredentials } from "@loginkit/org-platform";
import { startSimulator } from "@loginkit/testkit";
import { context, trace } from "@opentelemetry/api";
import { instrument } from "../src/index.js";
import { createTelemetry } from "../test/support/telemetry.js";
import { drawWaterfall } from "./draw-waterfall.js";

const calls = 5;
const sim = await startSimulator<OrgPlatformCredentials>("org-platform");
const telemetry = createTelemetry();
try {
  const client = createOrgPlatformClient({
    baseUrl: sim.url,
    credentials: sim.accounts[0]!.credentials,
  });
  instrument(client, telemetry);
  await client.signIn();
  sim.expireTokens();
  // The access token was revoked under the client's feet: every call is refused once, one
  // refresh renews the session for all of them, and each replays.
  const tracer = telemetry.tracerProvider.getTracer("example-app");
  const job = tracer.startSpan("nightly-sync");
  await context.with(trace.setSpan(context.active(), job), () =>
    Promise.all(Array.from({ length: calls }, () => client.fetch("/__loginkit/protected"))),
  );
  job.end();
  const traceId = job.spanContext().traceId;
  const spans = telemetry.spans().filter((span) => span.spanContext().traceId === traceId);
  const svg = drawWaterfall(
    spans,
    `A renewal storm: ${calls} calls refused with 401, one refresh, ${calls} replays (org-platform simulator)`,
  );
  await writeFile(new URL("../docs/renewal-storm.svg", import.meta.url), svg);
  console.log(`wrote docs/renewal-storm.svg (${spans.length} spans)`);
} finally {
  await telemetry.shutdown();
  await sim.close();
}
