import type { SpecOperation } from "../spec/spec-operation.js";

/** Response headers a client reads besides the CORS-safelisted ones, exposed on every answer. */
const CLIENT_READ_HEADERS = [
  "Date",
  "Retry-After",
  "Retry-After-Ms",
  "RateLimit-Reset",
  "X-Request-Id",
  "Location",
  "x-loginkit-fault",
  "x-loginkit-violation",
];

/** Set-Cookie can never be exposed to scripts; the browser keeps it in its own jar. */
const NEVER_EXPOSED = new Set(["set-cookie", "set-cookie2"]);

const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/** Answers must be re-validated per origin by caches, since the allowed origin is echoed. */
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/** Headers every CORS answer exposes: the client-read ones plus each response header in the spec. */
export function exposedHeaderNames(operations: readonly SpecOperation[]): string {
  const declared = operations.flatMap((operation) =>
    [...operation.responses.values()].flatMap((response) => response.headers.map((h) => h.name)),
  );
  const byLowerCase = new Map<string, string>();
  for (const name of [...CLIENT_READ_HEADERS, ...declared]) {
    const key = name.toLowerCase();
    if (!NEVER_EXPOSED.has(key) && !byLowerCase.has(key)) byLowerCase.set(key, name);
  }
  return [...byLowerCase.values()].join(", ");
}

/** The headers an allowed origin gets on an actual (non-preflight) answer. */
export function corsResponseHeaders(origin: string, exposed: string): Record<string, string> {
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-expose-headers": exposed,
    vary: "Origin",
  };
}

/** The 204 answer to a preflight: the methods the simulator serves and the headers asked for. */
export function preflightHeaders(
  origin: string,
  requestedHeaders: string | null,
): Record<string, string> {
  return {
    "access-control-allow-origin": origin,
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": ALLOWED_METHODS,
    ...(requestedHeaders ? { "access-control-allow-headers": requestedHeaders } : {}),
    "access-control-max-age": PREFLIGHT_MAX_AGE_SECONDS,
    vary: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
  };
}

/** A preflight is an OPTIONS request naming the method it asks for. */
export function isPreflight(method: string, requestMethod: string | null): boolean {
  return method === "OPTIONS" && requestMethod !== null;
}
