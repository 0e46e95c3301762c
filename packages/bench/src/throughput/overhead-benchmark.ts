import type { ContenderClient } from "../clients/client-contender.js";
import { requestContenders } from "../clients/contenders.js";
import { instantBaseUrl, instantFetch } from "../clients/instant-fetch.js";
import { runInterleaved } from "../measure/interleave.js";
import { median } from "../measure/statistics.js";

/** 6 clients × 5 rounds × 3,000 calls: about 30 s on a busy 2-core machine. */
const overheadSizes = { rounds: 5, warmupCalls: 1_000, callsPerRound: 3_000 } as const;

/** Median nanoseconds per sequential call through each client over `instantFetch`. */
export async function measureOverhead(): Promise<Map<string, number>> {
  const clients = new Map<string, ContenderClient>();
  for (const contender of requestContenders) {
    const client = await contender.create({ baseUrl: instantBaseUrl, fetch: instantFetch });
    for (let call = 0; call < overheadSizes.warmupCalls; call++) await client.listOrders();
    clients.set(contender.name, client);
  }
  const names = requestContenders.map((contender) => contender.name);
  const rounds = await runInterleaved(names, overheadSizes.rounds, async (name) => {
    const client = clients.get(name)!;
    const begin = process.hrtime.bigint();
    for (let call = 0; call < overheadSizes.callsPerRound; call++) await client.listOrders();
    return Number(process.hrtime.bigint() - begin) / overheadSizes.callsPerRound;
  });
  return new Map([...rounds].map(([name, nanoseconds]) => [name, median(nanoseconds)]));
}

/** A loginkit client over `instantFetch`, for profiling its per-call work alone. */
export async function createInstantLoginkitCalls(calls: number): Promise<() => Promise<void>> {
  const loginkit = requestContenders.find((contender) => contender.name === "loginkit")!;
  const client = await loginkit.create({ baseUrl: instantBaseUrl, fetch: instantFetch });
  await client.listOrders();
  return async () => {
    for (let call = 0; call < calls; call++) await client.listOrders();
  };
}
