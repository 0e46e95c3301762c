import { requestContenders } from "../clients/contenders.js";
import { instantBaseUrl, instantFetch } from "../clients/instant-fetch.js";
import { runInterleaved } from "../measure/interleave.js";
import { median } from "../measure/statistics.js";
import { type CallKind, contendersFor, makeCall } from "./call-kind.js";

/** 6 clients × 5 rounds × 3,000 calls: about 30 s on a busy 2-core machine. */
const overheadSizes = { rounds: 5, warmupCalls: 1_000, callsPerRound: 3_000 } as const;

/** Median nanoseconds per sequential call of `kind` through each client over `instantFetch`. */
export async function measureOverhead(kind: CallKind = "GET"): Promise<Map<string, number>> {
  const calls = new Map<string, () => Promise<unknown>>();
  const contenders = contendersFor(kind);
  for (const contender of contenders) {
    const client = await contender.create({ baseUrl: instantBaseUrl, fetch: instantFetch });
    const call = makeCall(client, kind);
    for (let round = 0; round < overheadSizes.warmupCalls; round++) await call();
    calls.set(contender.name, call);
  }
  const names = contenders.map((contender) => contender.name);
  const rounds = await runInterleaved(names, overheadSizes.rounds, async (name) => {
    const call = calls.get(name)!;
    const begin = process.hrtime.bigint();
    for (let round = 0; round < overheadSizes.callsPerRound; round++) await call();
    return Number(process.hrtime.bigint() - begin) / overheadSizes.callsPerRound;
  });
  return new Map([...rounds].map(([name, nanoseconds]) => [name, median(nanoseconds)]));
}

/** A loginkit client over `instantFetch`, for profiling its per-call work alone. */
export async function createInstantLoginkitCalls(
  calls: number,
  kind: CallKind = "GET",
): Promise<() => Promise<void>> {
  const loginkit = requestContenders.find((contender) => contender.name === "loginkit")!;
  const client = await loginkit.create({ baseUrl: instantBaseUrl, fetch: instantFetch });
  const call = makeCall(client, kind);
  await call();
  return async () => {
    for (let round = 0; round < calls; round++) await call();
  };
}
