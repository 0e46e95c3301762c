import { refuse } from "../options/option-checks.js";
import type { WaitOptions } from "./client-types.js";

/** The `signal` of a `signIn()`, `signOut()`, `renew()` or `getAccessToken()` call, checked. */
export function checkWaitOptions(options: WaitOptions | undefined): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== "object" || options === null) refuse("options", "an object", options);
  const { signal } = options;
  if (signal === undefined) return undefined;
  // Duck-typed: a polyfilled or other realm's AbortSignal is just as good.
  const candidate = signal as Partial<AbortSignal> | null;
  if (typeof candidate?.addEventListener !== "function" || typeof candidate.aborted !== "boolean") {
    refuse("signal", "an AbortSignal", signal);
  }
  return signal;
}
