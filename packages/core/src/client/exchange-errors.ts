import type { ErrorRequest } from "../errors/LoginkitError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { type Exchange, toAbortError } from "./exchange.js";

/**
 * What a failed wait on an exchange means, in one place for the send, a request body read first
 * and an answer's body: the caller's abort (`AbortError`), silence for `timeout` (`TimeoutError`),
 * a connection cut (a platform `TypeError`: `NetworkError`), else the error as it is.
 */
export function toExchangeError(
  error: unknown,
  exchange: Exchange,
  facts: {
    request: ErrorRequest;
    timeout: number | false;
    signal: AbortSignal | undefined;
    scrub(error: unknown): unknown;
  },
): unknown {
  const { request } = facts;
  if (exchange.ended === "aborted") return toAbortError(facts.signal, request);
  if (exchange.ended === "timeout") {
    const timeout = Number(facts.timeout);
    return new TimeoutError(`${request.method} ${request.url}: nothing arrived for ${timeout} ms`, {
      timeout,
      request,
    });
  }
  return toCutOffError(error, request, facts.scrub);
}

/** A connection cut while the answer arrived (a platform `TypeError`) is a `NetworkError`. */
export function toCutOffError(
  error: unknown,
  request: ErrorRequest,
  scrub: (error: unknown) => unknown,
): unknown {
  if (!(error instanceof TypeError)) return error;
  return new NetworkError(`${request.method} ${request.url}: the answer was cut off`, {
    cause: scrub(error),
    request,
  });
}
