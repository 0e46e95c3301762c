import type { SimulatedRequest } from "./simulated-request.js";

/** Reads a fetch `Request` once (its body can only be read once) into what the handlers use. */
export async function readRequest(request: Request): Promise<SimulatedRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    query: url.searchParams,
    headers,
    cookies: parseCookies(headers.cookie),
    rawBody: request.body === null ? "" : await request.text(),
    pathParameters: {},
  };
}

function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator <= 0) continue;
    cookies[pair.slice(0, separator).trim()] = decodeURIComponent(pair.slice(separator + 1).trim());
  }
  return cookies;
}
