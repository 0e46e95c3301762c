import type { ErrorRequest } from "../errors/LoginkitError.js";
import type { NetworkError } from "../errors/NetworkError.js";
import { ProtocolError } from "../errors/ProtocolError.js";
import { toNoResponseError } from "./no-response-error.js";

/** What undici says (as the TypeError's cause) when it gives up on a redirect it was following. */
const PLATFORM_REDIRECT_FAILURE = /redirect|scheme|invalid url|cross origin/i;

/**
 * What the transport threw, as core's error. Whatever it throws (a TypeError from fetch, anything
 * from a custom transport) means no response came: a `NetworkError`, its words scrubbed of
 * secrets. A redirect the platform refused to follow (a loop, an odd scheme, user info) answers
 * the same way every time: a `ProtocolError`, never retried.
 */
export function toTransportError(
  error: unknown,
  request: ErrorRequest,
  secrets: readonly string[],
): ProtocolError | NetworkError {
  if (error instanceof TypeError && PLATFORM_REDIRECT_FAILURE.test(readCauseMessage(error))) {
    return new ProtocolError(
      `${request.method} ${request.url} was redirected where fetch will not follow (a loop, a URL that is not http(s), or one with user info)`,
      { request },
    );
  }
  return toNoResponseError(error, request, secrets);
}

function readCauseMessage(error: Error): string {
  return error.cause instanceof Error ? error.cause.message : "";
}
