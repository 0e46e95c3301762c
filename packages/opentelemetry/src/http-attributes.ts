import type { Attributes } from "@opentelemetry/api";

/** The methods the HTTP semantic conventions know; any other is reported as `_OTHER`. */
const KNOWN_METHODS: ReadonlySet<string> = new Set([
  "CONNECT",
  "DELETE",
  "GET",
  "HEAD",
  "OPTIONS",
  "PATCH",
  "POST",
  "PUT",
  "QUERY",
  "TRACE",
]);

/** `http.request.method`, and `http.request.method_original` when the method is not a known one. */
export function methodAttributes(method: string): Attributes {
  const upper = method.toUpperCase();
  if (KNOWN_METHODS.has(upper)) return { "http.request.method": upper };
  return { "http.request.method": "_OTHER", "http.request.method_original": method };
}

/** The span name of a client span: `{method}`, as no low-cardinality URL template is known. */
export function clientSpanName(method: string): string {
  const upper = method.toUpperCase();
  return KNOWN_METHODS.has(upper) ? upper : "HTTP";
}

/**
 * `server.address`, `server.port` and `url.scheme` of a URL core already redacted (user info,
 * secret-looking and known-secret values are gone from it).
 */
export function serverAttributes(url: string): Attributes {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return {};
  }
  const scheme = parsed.protocol.replace(/:$/, "");
  const port = parsed.port === "" ? (scheme === "https" ? 443 : 80) : Number(parsed.port);
  return { "server.address": parsed.hostname, "server.port": port, "url.scheme": scheme };
}

/**
 * `http.response.status_code` and, for a failure, `error.type`: the status code as text for an
 * answer of 400 or more, else the error's name.
 */
export function outcomeAttributes(outcome: { status?: number; error?: string }): Attributes {
  if (outcome.status !== undefined) {
    return {
      "http.response.status_code": outcome.status,
      ...(outcome.status >= 400 ? { "error.type": String(outcome.status) } : {}),
    };
  }
  return { "error.type": outcome.error ?? "_OTHER" };
}
