// One client's memory over 100,000 calls, in a process of its own so its peak RSS is its own:
// `tsx memory-child.ts <client> <GET|POST>` prints { allocatedBytes, peakRssBytes } as JSON.
import { Session } from "node:inspector/promises";
import { requestContenders } from "../clients/contenders.js";
import { instantBaseUrl, instantFetch } from "../clients/instant-fetch.js";
import { measurePeakMemory } from "../measure/peak-memory.js";
import { type CallKind, makeCall } from "./call-kind.js";
import { memoryCalls } from "./memory-sizes.js";

const [name, kind] = process.argv.slice(2) as [string, CallKind];
const contender = requestContenders.find((candidate) => candidate.name === name);
if (!contender) throw new Error(`no client named ${name}`);
const call = makeCall(
  await contender.create({ baseUrl: instantBaseUrl, fetch: instantFetch }),
  kind,
);
for (let round = 0; round < 1_000; round++) await call();

// V8's sampling heap profiler, keeping what young and old collections freed: an estimate of
// every byte allocated, not only of what is left at the end.
const session = new Session();
session.connect();
await session.post("HeapProfiler.enable");
await session.post("HeapProfiler.startSampling", {
  samplingInterval: 16_384,
  includeObjectsCollectedByMajorGC: true,
  includeObjectsCollectedByMinorGC: true,
});
const { peakRssBytes } = await measurePeakMemory(async () => {
  for (let round = 0; round < memoryCalls; round++) await call();
});
const { profile } = (await session.post("HeapProfiler.stopSampling")) as unknown as {
  profile: { samples: { size: number }[] };
};
const allocatedBytes = profile.samples.reduce((total, sample) => total + sample.size, 0);
process.stdout.write(`${JSON.stringify({ allocatedBytes, peakRssBytes })}\n`);
session.disconnect();
