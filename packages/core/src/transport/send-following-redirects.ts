import type { ErrorRequest } from "../errors/LoginkitError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { ProtocolError } from "../errors/ProtocolError.js";
import { copyHeaders } from "../utils/copy-headers.js";
import { discardBody } from "../utils/discard-body.js";
import { scrubError } from "../utils/scrub-error.js";

/** One request as core rebuilds it for every attempt and every redirect hop. */
export interface OutgoingRequest {
  url: URL;
  method: string;
  /** The caller's headers, without any credential core adds. */
  headers: Headers;
  /**
   * Buffered once, so every attempt and 307/308 hop re-sends it intact; or a stream the caller
   * handed over, sent once as it arrives and never again.
   */
  body?: ArrayBuffer | ReadableStream<Uint8Array>;
}

export interface HopContext {
  isTrusted(url: URL): boolean;
  /** Adds token, input headers and cookies; runs synchronously right before the hop is sent. */
  addCredentials(headers: Headers, url: URL): void;
  /** Headers never forwarded to an untrusted origin, even if the caller set them. */
  credentialHeaders: readonly string[];
  captureCookies(url: URL, headers: Headers): void;
  transport(request: Request, signal: AbortSignal): Promise<Response>;
  /**
   * Whether a redirect to an untrusted origin may be followed at all. Core's own sign-in,
   * refresh and sign-out calls say no: their answer would be taken as the provider's.
   */
  followUntrusted: boolean;
  /**
   * Most redirects followed before a `ProtocolError`: 20 (the Fetch standard's limit) for user
   * requests, 1 for core's own calls, so a sign-in caught in a loop posts its password twice at
   * most. Never retried: a loop answers the same way every time.
   */
  maxRedirects: number;
  /** The request as errors show it: method and URL redacted by name and by known secret. */
  request: ErrorRequest;
  /** Secrets to scrub from a transport's error before it becomes a `cause`. */
  knownSecrets(): readonly string[];
}

/**
 * Sends a request, following redirects itself for trusted origins so credentials are re-decided
 * at every hop: a hop to an untrusted origin carries no token, input header or cookie.
 */
export async function sendFollowingRedirects(
  first: OutgoingRequest,
  signal: AbortSignal,
  context: HopContext,
  /** The answer to `first` when it was already sent (core's hot path), with its cookies kept. */
  firstAnswer?: Response,
): Promise<Response> {
  let current = first;
  for (let hop = 0; ; hop++) {
    const trusted = context.isTrusted(current.url);
    let response: Response;
    if (hop === 0 && firstAnswer) {
      response = firstAnswer;
      if (response.type === "opaqueredirect") {
        const headers = copyHeaders(current.headers);
        context.addCredentials(headers, current.url);
        return followBlind(context, { ...current, headers }, response, signal);
      }
    } else {
      const headers = copyHeaders(current.headers);
      if (trusted) context.addCredentials(headers, current.url);
      else for (const name of context.credentialHeaders) headers.delete(name);
      const request = new Request(current.url, {
        method: current.method,
        headers,
        body: current.body,
        signal,
        redirect: trusted ? "manual" : "follow",
        // A stream goes out as it is read, which fetch allows only half-duplex.
        ...(current.body instanceof ReadableStream ? { duplex: "half" } : {}),
      } as RequestInit);
      response = await sendOnce(context, request, signal);
      if (response.type === "opaqueredirect") {
        return followBlind(context, { ...current, headers }, response, signal);
      }
      if (trusted) context.captureCookies(current.url, response.headers);
    }
    const location = response.headers.get("location");
    if (!trusted || !isRedirect(response.status) || location === null) return response;
    const next = nextHop(current, response.status, readLocation(location, current.url, context));
    // Off the provider's origins a hop may carry neither credentials nor a body: a 307/308
    // would re-send the body (a password, a refresh token) there. Such a redirect is handed
    // back unfollowed, as is any off-origin hop of core's own calls, and any hop of theirs
    // that would re-send their body to another origin, trusted or not.
    // A streamed body was sent once and cannot be sent to the next hop.
    if (next.body instanceof ReadableStream) return response;
    const ownBodyLeavesOrigin =
      !context.followUntrusted && next.body !== undefined && next.url.origin !== current.url.origin;
    if (
      ownBodyLeavesOrigin ||
      (!context.isTrusted(next.url) && (next.body !== undefined || !context.followUntrusted))
    ) {
      return response;
    }
    if (hop >= context.maxRedirects) {
      discardBody(response);
      const { request } = context;
      throw new ProtocolError(
        `${request.method} ${request.url} was redirected more than ${context.maxRedirects} times`,
        { request },
      );
    }
    discardBody(response);
    current = next;
  }
}

/**
 * Browsers hide where a manual redirect goes (an "opaqueredirect" response), so there the browser
 * must follow it. It gets only what the Fetch standard protects by itself: `Authorization`, which
 * it drops across origins. Other credential headers stay behind, and a request with a body is not
 * re-sent at all: the redirect is handed back, since its target could be anyone's.
 */
async function followBlind(
  context: HopContext,
  current: OutgoingRequest,
  opaque: Response,
  signal: AbortSignal,
): Promise<Response> {
  if (current.body !== undefined) return opaque;
  const headers = copyHeaders(current.headers);
  for (const name of context.credentialHeaders) if (name !== "authorization") headers.delete(name);
  const request = new Request(current.url, {
    method: current.method,
    headers,
    signal,
    redirect: "follow",
  });
  return sendOnce(context, request, signal);
}

/**
 * Only what the transport itself throws is a network failure (and retryable); an error from
 * building the request (an invalid header value, say) is a bug and must not be retried.
 */
export function sendOnce(
  context: Pick<HopContext, "transport" | "request" | "knownSecrets">,
  request: Request,
  signal: AbortSignal,
): Promise<Response> {
  try {
    return Promise.resolve(context.transport(request, signal)).then(undefined, (error: unknown) => {
      throw toTransportError(error, context);
    });
  } catch (error) {
    return Promise.reject(toTransportError(error, context));
  }
}

function toTransportError(
  error: unknown,
  context: Pick<HopContext, "request" | "knownSecrets">,
): ProtocolError | NetworkError {
  const target = context.request;
  // A redirect the platform refused to follow (a loop, an odd scheme, user info) answers the
  // same way every time: not a network failure, and not retried.
  if (error instanceof TypeError && PLATFORM_REDIRECT_FAILURE.test(readCauseMessage(error))) {
    return new ProtocolError(
      `${target.method} ${target.url} was redirected where fetch will not follow (a loop, a URL that is not http(s), or one with user info)`,
      { request: target },
    );
  }
  // Whatever else the transport throws (a TypeError from fetch, anything from a custom
  // transport) means no response came: a network failure, its words scrubbed of secrets.
  return new NetworkError(`${target.method} ${target.url} got no response`, {
    cause: scrubError(error, context.knownSecrets()),
    request: target,
  });
}

/** What undici and browsers say when they give up on a redirect they were following. */
const PLATFORM_REDIRECT_FAILURE = /redirect|scheme|invalid url|cross origin/i;

function readCauseMessage(error: Error): string {
  return error.cause instanceof Error ? error.cause.message : "";
}

/**
 * The redirect target, if core may follow it at all: an absolute or relative http(s) URL
 * without user info. Anything else is a `ProtocolError` that names the scheme at most, never
 * the URL itself (it may carry a token).
 */
function readLocation(location: string, base: URL, context: HopContext): URL {
  const { request } = context;
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

function isRedirect(status: number) {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Method and body per the Fetch standard: 303 (and 301/302 after POST) become a bodiless GET. */
function nextHop(current: OutgoingRequest, status: number, url: URL): OutgoingRequest {
  const toGet =
    (status === 303 && current.method !== "HEAD") ||
    ((status === 301 || status === 302) && current.method === "POST");
  if (!toGet) return { ...current, url };
  const headers = copyHeaders(current.headers);
  for (const name of ["content-type", "content-length", "content-encoding", "content-language"]) {
    headers.delete(name);
  }
  return { url, method: "GET", headers, body: undefined };
}
