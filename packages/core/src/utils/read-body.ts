import { BufferedResponse } from "./buffer-response.js";
import { parseJson } from "./parse-json.js";
import { readBodyCapped } from "./read-body-capped.js";

/** How much of a provider's answer core reads: success answers and error bodies. */
export interface BodyLimits {
  readonly maxResponseBytes: number;
  readonly maxErrorBodyBytes: number;
}

/**
 * Parses a response body as JSON when possible, else returns its text (or `undefined`).
 * Reads a clone so the caller can still hand the response to openapi-fetch. A body longer than
 * its cap (`maxErrorBodyBytes` for an error status), or one already cut when it was buffered,
 * is kept as its text up to the cap plus a marker naming the cap: never whole, never half-parsed.
 */
export async function readBody(
  response: Response,
  limits: BodyLimits,
  signal?: AbortSignal,
): Promise<unknown> {
  const option = response.ok ? "maxResponseBytes" : "maxErrorBodyBytes";
  let cutAt = response instanceof BufferedResponse ? response.cutAt : undefined;
  let text: string;
  try {
    const maxBytes = limits[option];
    const { bytes, overflowed } = await readBodyCapped(response.clone().body, maxBytes, signal);
    if (overflowed) cutAt = maxBytes;
    text = new TextDecoder().decode(bytes);
  } catch {
    return undefined;
  }
  if (cutAt !== undefined) return `${text}… [cut at ${cutAt} bytes by ${option}]`;
  if (text === "") return undefined;
  try {
    return parseJson(text);
  } catch {
    return text;
  }
}
