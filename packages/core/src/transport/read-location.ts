import type { ErrorRequest } from "../errors/LoginkitError.js";
import { ProtocolError } from "../errors/ProtocolError.js";

/**
 * A redirect's target, if core may follow it at all: an absolute or relative http(s) URL
 * without user info. Anything else is a `ProtocolError` that names the scheme at most, never
 * the URL itself (it may carry a token).
 */
export function readLocation(location: string, base: URL, request: ErrorRequest): URL {
  const refuse = (why: string) =>
    new ProtocolError(
      `${request.method} ${request.url} was redirected ${why}, which is not followed`,
      {
        request,
      },
    );
  let url: URL;
  try {
    url = new URL(location, base);
  } catch {
    throw refuse("to a malformed URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw refuse(`to a ${url.protocol} URL`);
  }
  if (url.username !== "" || url.password !== "") throw refuse("to a URL with user info");
  return url;
}
