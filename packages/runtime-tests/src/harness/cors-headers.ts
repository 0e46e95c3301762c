import type { IncomingMessage } from "node:http";

/**
 * What a CORS-enabled server answers so a browser page on another origin may read the answer,
 * with credentials, and send whatever headers its preflight asked for.
 */
export function corsHeaders(request: IncomingMessage): Record<string, string> {
  return {
    "access-control-allow-origin": request.headers.origin ?? "*",
    "access-control-allow-credentials": "true",
    "access-control-allow-methods": "GET, HEAD, POST, PUT, PATCH, DELETE",
    "access-control-allow-headers": request.headers["access-control-request-headers"] ?? "",
    vary: "origin",
  };
}
