import { NetworkError } from "../errors/NetworkError.js";

/** One request as core rebuilds it for every attempt and every redirect hop. */
export interface OutgoingRequest {
  url: URL;
  method: string;
  /** The caller's headers, without any credential core adds. */
  headers: Headers;
  /** Buffered once, so every attempt and 307/308 hop re-sends it intact. */
  body?: ArrayBuffer;
}

export interface HopContext {
  isTrusted(url: URL): boolean;
  /** Adds token, input headers and cookies; runs synchronously right before the hop is sent. */
  addCredentials(headers: Headers, url: URL): void;
  /** Headers never forwarded to an untrusted origin, even if the caller set them. */
  credentialHeaders: readonly string[];
  captureCookies(url: URL, headers: Headers): void;
  transport(request: Request): Promise<Response>;
}

const MAX_REDIRECTS = 20;
// Browsers hide the target of a manual redirect (an "opaqueredirect" response), so there we let
// fetch follow: the Fetch standard itself drops Authorization on a cross-origin redirect, and
// cookies belong to the browser's jar.
const REDIRECT_MODE: RequestRedirect =
  typeof (globalThis as { document?: unknown }).document === "undefined" ? "manual" : "follow";

/**
 * Sends a request, following redirects itself for trusted origins so credentials are re-decided
 * at every hop: a hop to an untrusted origin carries no token, input header or cookie.
 */
export async function sendFollowingRedirects(
  first: OutgoingRequest,
  signal: AbortSignal,
  context: HopContext,
): Promise<Response> {
  let current = first;
  for (let hop = 0; ; hop++) {
    const trusted = context.isTrusted(current.url);
    const headers = new Headers(current.headers);
    if (trusted) context.addCredentials(headers, current.url);
    else for (const name of context.credentialHeaders) headers.delete(name);
    const response = await context.transport(
      new Request(current.url, {
        method: current.method,
        headers,
        body: current.body,
        signal,
        redirect: trusted ? REDIRECT_MODE : "follow",
      }),
    );
    if (trusted) context.captureCookies(current.url, response.headers);
    const location = response.headers.get("location");
    if (!trusted || !isRedirect(response.status) || location === null) return response;
    if (hop >= MAX_REDIRECTS) {
      throw new NetworkError(`More than ${MAX_REDIRECTS} redirects`, {
        request: { method: first.method, url: first.url },
      });
    }
    await response.body?.cancel().catch(() => {});
    current = nextHop(current, response.status, new URL(location, current.url));
  }
}

function isRedirect(status: number) {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Method and body per the Fetch standard: 303 (and 301/302 after POST) become a bodiless GET. */
function nextHop(current: OutgoingRequest, status: number, url: URL): OutgoingRequest {
  const toGet =
    (status === 303 && current.method !== "HEAD") ||
    ((status === 301 || status === 302) && current.method === "POST");
  if (!toGet) return { ...current, url };
  const headers = new Headers(current.headers);
  for (const name of ["content-type", "content-length", "content-encoding", "content-language"]) {
    headers.delete(name);
  }
  return { url, method: "GET", headers, body: undefined };
}
