import { createVeroOmsClient } from "@loginkit/vero-oms";
import type { ScenarioConfig } from "../scenario-types.js";
import type { Control } from "./control.js";
import { readProtected } from "./read-protected.js";
import { veroCredentials } from "./vero-credentials.js";

/** Concurrent calls share one sign-in, and after an expiry one renewal. */
export const concurrentCalls = 8;

export async function singleFlight({ targets }: ScenarioConfig, control: Control) {
  const target = targets["single-flight"];
  const vero = createVeroOmsClient({ baseUrl: target.url, credentials: veroCredentials(target) });
  const burst = () =>
    Promise.all(Array.from({ length: concurrentCalls }, () => readProtected(vero.fetch)));
  const first = await burst();
  await control.expireTokens(target.simulator);
  return { first, afterExpiry: await burst() };
}
