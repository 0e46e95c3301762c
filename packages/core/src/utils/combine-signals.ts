/**
 * One signal that aborts when any of `signals` does, with that signal's reason.
 * `AbortSignal.any` where the runtime has it; a small fallback for older browsers.
 */
export function combineSignals(signals: readonly AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any([...signals]);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
