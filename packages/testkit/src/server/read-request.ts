import { decodeComponent, escapeStrayPercents } from "./decode-component.js";
import { MAX_REQUEST_BODY_BYTES, readBodyCapped } from "./read-body-capped.js";
import type { SimulatedRequest } from "./simulated-request.js";

/**
 * Reads a fetch `Request` once (its body can only be read once) into what the handlers use.
 * Never throws: what cannot be read (a bad `%`-escape in a cookie, the path or the query, a
 * body past the cap or cut short) is listed in `malformed`, for a 4xx naming it.
 */
export async function readRequest(request: Request): Promise<SimulatedRequest> {
  const url = new URL(request.url);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const problems: string[] = [];
  const cookies = parseCookies(headers.cookie, problems);
  if (url.pathname.split("/").some((segment) => decodeComponent(segment) === undefined))
    problems.push(`path: "${url.pathname}" has a bad %-escape`);
  for (const pair of url.search.slice(1).split("&")) {
    const name = pair.split("=", 1)[0] ?? "";
    if (decodeComponent(pair.replaceAll("+", " ")) === undefined)
      problems.push(`query: "${decodeComponent(name) ?? name}" has a bad %-escape`);
  }
  const body = await readBodyCapped(request.body, MAX_REQUEST_BODY_BYTES);
  if (!body.ok) problems.push(body.problem);
  return {
    method: request.method.toUpperCase(),
    path: url.pathname,
    routePath: escapeStrayPercents(url.pathname),
    query: url.searchParams,
    headers,
    cookies,
    rawBody: body.ok ? body.text : "",
    pathParameters: {},
    ...(problems.length === 0
      ? {}
      : { malformed: { problems, tooLarge: !body.ok && body.tooLarge } }),
  };
}

function parseCookies(header: string | undefined, problems: string[]): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const pair of (header ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator <= 0) continue;
    const name = pair.slice(0, separator).trim();
    const value = decodeComponent(pair.slice(separator + 1).trim());
    if (value === undefined) problems.push(`cookie: "${name}" has a bad %-escape`);
    else cookies[name] = value;
  }
  return cookies;
}
