// One process of the fleet: a client like a service replica's, driven over IPC by the driver
// (run-fleet-storm.ts). Started with `node --import tsx`, so it runs from source.
import type { SessionEvent, TokenStore } from "@loginkit/core";
import { createRedisTokenStore } from "@loginkit/redis";
import { createClient } from "redis";
import { createFleetClient } from "./create-fleet-client.js";
import { createPooledFetch } from "./create-pooled-fetch.js";
import type {
  DriverMessage,
  EventCounts,
  StormOutcome,
  WorkerConfig,
  WorkerMessage,
} from "./fleet-protocol.js";
import { observeLease } from "./observe-store.js";

// The driver may be gone (it timed out, or crashed): a worker never outlives its channel.
const send = (message: WorkerMessage) => {
  if (process.connected) process.send?.(message, undefined, {}, () => {});
};
process.on("disconnect", () => process.exit(0));

/** `HTTP 401`, or the error's name and its causes' names and codes (never a message or a token). */
function describeFailure(reason: unknown): string {
  if (reason instanceof Response) return `HTTP ${reason.status}`;
  const names: string[] = [];
  for (let error = reason as Error | undefined, depth = 0; error && depth < 4; depth++) {
    const { code, timeout } = error as { code?: unknown; timeout?: unknown };
    const detail =
      typeof code === "string" ? code : typeof timeout === "number" ? `${timeout} ms` : "";
    names.push(detail ? `${error.name} (${detail})` : (error.name ?? "Error"));
    error = error.cause as Error | undefined;
  }
  return names.join(" ← ");
}

const events: EventCounts = {
  signedIn: 0,
  renewedByRefresh: 0,
  renewedBySignIn: 0,
  authFailed: 0,
  storeFailed: 0,
  sessionAdopted: 0,
  leaseAbandoned: 0,
  refreshSpent: 0,
};
const countEvent = (event: SessionEvent) => {
  if (event.type === "signed-in") events.signedIn++;
  else if (event.type === "renewed" && event.via === "refresh") events.renewedByRefresh++;
  else if (event.type === "renewed") events.renewedBySignIn++;
  else if (event.type === "auth-failed") events.authFailed++;
  else if (event.type === "store-failed") events.storeFailed++;
  else if (event.type === "session-adopted") events.sessionAdopted++;
  else if (event.type === "lease-abandoned") events.leaseAbandoned++;
  else if (event.type === "refresh-spent") events.refreshSpent++;
};

let starving: ReturnType<typeof setInterval> | undefined;
const stall = new Int32Array(new SharedArrayBuffer(4));
/**
 * Blocks the event loop for `blockMs` every `everyMs`, from now on: no timer runs and no socket
 * is read meanwhile, as on a CPU-starved node. Blocked in `Atomics.wait`, not a busy loop, so
 * sixteen stalled workers leave the two cores to Redis and the provider and the lag is the one
 * asked for, not whatever the oversubscribed machine makes of it.
 */
function starveEventLoop(lag: { everyMs: number; blockMs: number }) {
  if (starving) return;
  starving = setInterval(() => {
    Atomics.wait(stall, 0, 0, lag.blockMs);
  }, lag.everyMs);
}
let lag: WorkerConfig["eventLoopLag"];

async function openStore(config: WorkerConfig): Promise<TokenStore | undefined> {
  if (config.store === "memory") return undefined;
  const redis = createClient({
    url: config.redisUrl,
    disableOfflineQueue: true,
    socket: { connectTimeout: 2_000, reconnectStrategy: () => 200 },
  });
  redis.on("error", () => {}); // reported by the store's calls as they fail
  await redis.connect();
  const store = createRedisTokenStore({
    client: redis,
    ...(config.redisPrefix ? { prefix: config.redisPrefix } : {}),
  });
  return observeLease(store, () => send({ type: "lease-taken", index: config.index }));
}

let client: ReturnType<typeof createFleetClient> | undefined;
let protectedUrl = "";

async function call(): Promise<void> {
  const response = await client!.fetch(protectedUrl);
  await response.arrayBuffer();
  if (!response.ok) throw response;
}

async function storm(calls: number): Promise<StormOutcome> {
  const before = { ...events };
  const started = performance.now();
  const results = await Promise.allSettled(Array.from({ length: calls }, call));
  const milliseconds = performance.now() - started;
  const rejected = results.filter((result) => result.status === "rejected");
  const failures: Record<string, number> = {};
  for (const result of rejected) {
    const kind = describeFailure(result.reason);
    failures[kind] = (failures[kind] ?? 0) + 1;
  }
  const delta = Object.fromEntries(
    Object.entries(events).map(([name, count]) => [
      name,
      count - before[name as keyof EventCounts],
    ]),
  ) as unknown as EventCounts;
  return {
    ok: results.length - rejected.length,
    failed: rejected.length,
    ...(rejected[0] ? { firstFailure: describeFailure(rejected[0].reason) } : {}),
    failures,
    milliseconds,
    events: delta,
  };
}

process.on("message", async (message: DriverMessage) => {
  try {
    if (message.type === "configure") {
      const { config } = message;
      protectedUrl = `${config.simulatorUrl}/__loginkit/protected`;
      client = createFleetClient({
        provider: config.provider,
        baseUrl: config.simulatorUrl,
        credentials: config.credentials,
        tokenStore: await openStore(config),
        onEvent: countEvent,
        fetch: createPooledFetch(config.maxSockets ?? 64),
        ...(config.timeout ? { timeout: config.timeout } : {}),
        ...(config.leaseTtl ? { leaseTtl: config.leaseTtl } : {}),
      });
      lag = config.eventLoopLag;
      if (!lag && starving) {
        clearInterval(starving);
        starving = undefined;
      }
      send({ type: "configured" });
    } else if (message.type === "warm") {
      await call().then(
        () => send({ type: "warmed", ok: true }),
        (reason: unknown) => send({ type: "warmed", ok: false, failure: describeFailure(reason) }),
      );
    } else if (message.type === "storm") {
      if (lag) starveEventLoop(lag);
      send({ type: "stormed", outcome: await storm(message.calls) });
    } else if (message.type === "sign-out") {
      await client!.signOut();
      send({ type: "signed-out" });
    } else {
      process.exit(0);
    }
  } catch (error) {
    send({ type: "failed", error: (error as Error)?.name ?? "Error" });
  }
});
