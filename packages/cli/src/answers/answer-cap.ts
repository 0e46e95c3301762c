import { defaultClientOptions } from "@loginkit/core";

/** How much of an answer core reads by default, and the option that says so. */
export interface AnswerCap {
  readonly bytes: number;
  readonly option: "maxResponseBytes" | "maxErrorBodyBytes";
}

/**
 * The cap core's client applies to an answer of this status, from core's own defaults (the CLI
 * never sets them), so `check` calls "too large" exactly what the client refuses or cuts.
 */
export function answerCap(status: number): AnswerCap {
  const ok = status >= 200 && status < 300;
  return ok
    ? { bytes: defaultClientOptions.maxResponseBytes, option: "maxResponseBytes" }
    : { bytes: defaultClientOptions.maxErrorBodyBytes, option: "maxErrorBodyBytes" };
}
