import type { ErrorRequest } from "../errors/LoginkitError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { scrubError } from "../utils/scrub-error.js";

/** What the transport threw when no response came: a `NetworkError`, its words scrubbed of secrets. */
export function toNoResponseError(
  error: unknown,
  request: ErrorRequest,
  secrets: readonly string[],
): NetworkError {
  return new NetworkError(`${request.method} ${request.url} got no response`, {
    cause: scrubError(error, secrets),
    request,
  });
}
