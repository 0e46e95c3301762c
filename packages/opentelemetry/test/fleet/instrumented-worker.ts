// One process of the fleet test: an org-platform client on the shared Redis store, instrumented
// with the SDK's in-memory exporters. It waits for "go", makes its calls, and sends back what
// it exported. Run by fleet.test.ts through tsx.
import { createOrgPlatformClient, type OrgPlatformCredentials } from "@loginkit/org-platform";
import { createRedisTokenStore } from "@loginkit/redis";
import { createClient } from "redis";
import { instrument } from "../../src/index.js";
import { recordSecrets } from "../support/secrets-seen.js";
import { createTelemetry, exportedText, parentOf, toMs } from "../support/telemetry.js";

export interface WorkerSetup {
  baseUrl: string;
  redisUrl: string;
  storeKey: string;
  credentials: OrgPlatformCredentials;
  calls: number;
}

export interface WorkerReport {
  statuses: number[];
  spans: {
    name: string;
    spanId: string;
    parentId?: string;
    attributes: Record<string, unknown>;
    start: number;
    end: number;
  }[];
  metrics: Record<string, { attributes: Record<string, unknown>; value: unknown }[]>;
  exported: string;
  secrets: string[];
}

const send = (message: unknown) => process.send?.(message);
process.on("disconnect", () => process.exit(0));

let go: (() => void) | undefined;
const started = new Promise<void>((resolve) => {
  go = resolve;
});

process.on("message", async (message: { type: string; setup?: WorkerSetup }) => {
  if (message.type === "go") {
    go?.();
    return;
  }
  if (message.type !== "setup" || !message.setup) return;
  try {
    send({ type: "report", report: await run(message.setup) });
  } catch (error) {
    send({ type: "failed", error: (error as Error)?.stack ?? String(error) });
  }
});

async function run(setup: WorkerSetup): Promise<WorkerReport> {
  const redis = createClient({ url: setup.redisUrl, disableOfflineQueue: true });
  redis.on("error", () => {});
  await redis.connect();
  const telemetry = createTelemetry();
  const secrets = recordSecrets();
  secrets.remember(setup.credentials);
  const client = createOrgPlatformClient({
    baseUrl: setup.baseUrl,
    credentials: setup.credentials,
    fetch: secrets.fetch,
    tokenStore: createRedisTokenStore({ client: redis }),
    storeKey: setup.storeKey,
  });
  instrument(client, telemetry);
  send({ type: "ready" });
  await started;
  const answers = await Promise.all(
    Array.from({ length: setup.calls }, () => client.fetch("/__loginkit/protected")),
  );
  const metrics = Object.fromEntries(
    [...(await telemetry.metrics())].map(([name, points]) => [
      name,
      points.map((point) => ({ attributes: point.attributes, value: point.value })),
    ]),
  );
  const report: WorkerReport = {
    statuses: answers.map((answer) => answer.status),
    spans: telemetry.spans().map((span) => ({
      name: span.name,
      spanId: span.spanContext().spanId,
      parentId: parentOf(span),
      attributes: { ...span.attributes },
      start: toMs(span.startTime),
      end: toMs(span.endTime),
    })),
    metrics,
    exported: await exportedText(telemetry),
    secrets: secrets.list(),
  };
  await telemetry.shutdown();
  await redis.quit();
  return report;
}
