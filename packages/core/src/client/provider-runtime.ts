import { ConfigurationError } from "../errors/ConfigurationError.js";
import type { ErrorRequest } from "../errors/LoginkitError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { ProtocolError } from "../errors/ProtocolError.js";
import { emitEvent } from "../events/session-event.js";
import { observe, traceRequest } from "../events/trace-request.js";
import { matchError } from "../provider/match-error.js";
import { createOperationMatcher, type OperationMatch } from "../provider/match-operation.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import { resolveOperationUrl } from "../provider/resolve-operation-url.js";
import type { NormalizedRetryOptions } from "../retry/retry-options.js";
import { runWithRetry } from "../retry/run-with-retry.js";
import type { SessionManager } from "../session/session-manager.js";
import { CookieJar } from "../transport/cookie-jar.js";
import {
  type OutgoingRequest,
  sendFollowingRedirects,
} from "../transport/send-following-redirects.js";
import { collectServerUrls, collectTrustedOrigins } from "../transport/trusted-origins.js";
import { BufferedResponse, bufferResponse } from "../utils/buffer-response.js";
import { copyHeaders } from "../utils/copy-headers.js";
import { discardBody } from "../utils/discard-body.js";
import { readBody } from "../utils/read-body.js";
import { redactUrl } from "../utils/redact-url.js";
import { scrubError } from "../utils/scrub-error.js";
import { collectSecrets } from "../utils/scrub-secrets.js";
import { FreshTokenRefusals } from "./fresh-token-refusals.js";
import type { NormalizedClientOptions } from "./normalize-client-options.js";

/**
 * How a request is authenticated. `lazy`: sign in when needed, renew and replay once on a
 * rejected token (user requests). `none`/a token: core's own sign-in, refresh and sign-out calls.
 */
export type SendMode = { auth: "lazy" } | { auth: "none" } | { auth: "token"; token: string };

export interface SendOptions {
  /**
   * Read the whole answer inside the attempt, whatever its type, capped by `maxResponseBytes`
   * (`maxErrorBodyBytes` for an error status): core's own sign-in, refresh, sign-out and session
   * calls, whose bodies must be bounded by the attempt's timeout.
   */
  readWhole?: boolean;
  /**
   * The caller's own signal, when it has one. Preferred over `template.signal`: a Request's
   * signal follows its parent only while that Request lives (nodejs/node#55428), and the
   * template is dropped once the answer is handed back, while the caller may still read it.
   */
  signal?: AbortSignal | null;
  /** This call's own retry options and timeout (`loginkit` in its init), else the client's. */
  retry?: NormalizedRetryOptions;
  timeout?: number | false;
}

/** The wiring of one client: trusted origins, cookie jar, session and the request pipeline. */
export class ProviderRuntime {
  readonly description: ProviderDescription;
  readonly options: NormalizedClientOptions;
  readonly session: SessionManager;
  readonly jar?: CookieJar;
  readonly #trusted: Set<string>;
  readonly #match: (method: string, url: URL) => OperationMatch | undefined;
  readonly #credentialHeaders: string[];
  readonly #freshTokenRefusals = new FreshTokenRefusals();
  /** The credentials the last sign-in used, so errors and events can keep them out. */
  #credentialsUsed: unknown;

  constructor(
    description: ProviderDescription,
    options: NormalizedClientOptions,
    session: SessionManager,
  ) {
    this.description = description;
    this.options = options;
    this.session = session;
    this.jar = description.cookies ? new CookieJar() : undefined;
    this.#trusted = collectTrustedOrigins(description, options);
    this.#match = createOperationMatcher(
      description,
      collectServerUrls(description, options.baseUrl),
    );
    const scheme = description.securityScheme;
    this.#credentialHeaders = [
      "authorization",
      "proxy-authorization",
      "cookie",
      ...(scheme.type === "apiKey" ? [scheme.name] : []),
      ...description.inputs.filter((input) => input.in === "header").map((input) => input.name),
      ...options.headers.keys(),
    ];
  }

  /** Records the credentials a sign-in resolved (from a function, or given to `signIn()`). */
  rememberCredentials(credentials: unknown): void {
    this.#credentialsUsed = credentials;
  }

  /**
   * Every secret this client holds: credentials and the current tokens. Read only when an error
   * or event is built, to scrub them (in any encoding) and redact URLs that carry them.
   */
  knownSecrets(): string[] {
    const configured = this.options.credentials;
    const current = this.session.current;
    return collectSecrets(
      typeof configured === "function" ? undefined : configured,
      this.#credentialsUsed,
      current?.accessToken,
      current?.refreshToken,
    );
  }

  /** A request for a described operation, at its server, with path inputs filled in. */
  operationRequest(operationId: string, init: RequestInit): Request {
    const operation = this.description.operations[operationId];
    if (!operation) {
      throw new ConfigurationError(
        `${this.description.displayName} has no operation ${operationId}`,
      );
    }
    const url = resolveOperationUrl(operation, {
      ...this.options,
      pathValues: this.options.inputValues,
    });
    return new Request(url, { ...init, method: operation.method.toUpperCase() });
  }

  /** The request pipeline: retry, then per attempt authenticate, send, renew-and-replay once. */
  async send(template: Request, mode: SendMode, options: SendOptions = {}): Promise<Response> {
    const url = new URL(template.url);
    const trusted = this.#trusted.has(url.origin);
    const match = trusted ? this.#match(template.method, url) : undefined;
    const lazy = mode.auth === "lazy" && trusted && !match?.operation.public;
    const token = mode.auth === "token" ? mode.token : undefined;
    const headers = copyHeaders(template.headers);
    if (trusted)
      for (const [name, value] of this.options.headers)
        if (!headers.has(name)) headers.set(name, value);
    const outgoing: OutgoingRequest = {
      url,
      method: template.method,
      headers,
      body: template.body ? await template.arrayBuffer() : undefined,
    };
    // Redacted only when an error or event needs it: most requests never show their URL.
    let redacted: string | undefined;
    const knownSecrets = () => this.knownSecrets();
    const request = {
      method: template.method,
      get url() {
        redacted ??= redactUrl(url, knownSecrets());
        return redacted;
      },
    };
    let replayed = false;
    const replaySafe = match?.operation.replaySafe ?? false;
    const endpoint = `${template.method} ${match?.operationId ?? url.origin + url.pathname}`;

    const attemptOnce = async (signal: AbortSignal): Promise<Response> => {
      const sentAt = Date.now();
      let sent = await this.#sendOnce(outgoing, signal, lazy ? "lazy" : token, request);
      if (
        lazy &&
        !replayed &&
        (await this.#isRejection(sent.response, sent.token, match, signal))
      ) {
        if (this.#freshTokenRefusals.has(endpoint, sent.token)) {
          const { status } = sent.response;
          const provider = this.description.id;
          emitEvent(this.options.onEvent, { type: "renewal-skipped", provider, status, request });
        } else {
          replayed = true;
          discardBody(sent.response);
          await this.session.renewRejected(sent.token ?? "", sentAt);
          sent = await this.#sendOnce(outgoing, signal, "lazy", request);
          if (sent.response.status === 401 && sent.token !== undefined) {
            this.#freshTokenRefusals.record(endpoint, sent.token);
          }
        }
      }
      if (options.readWhole) return this.#readWhole(sent.response, signal, request);
      // JSON and text answers are read inside the attempt, whether or not it may be retried:
      // so the timeout bounds their body too, and a connection cut while it arrives is a
      // network failure like any other (retried when the request may be).
      return bufferResponse(sent.response, signal).catch((error: unknown) => {
        throw toCutOff(error, request, knownSecrets());
      });
    };
    // Per-request events only when someone listens: an unobserved request builds none of them.
    const { events } = this.options;
    const trace = events.listening
      ? traceRequest(events.emit, this.description.id, request, knownSecrets)
      : undefined;
    const result = runWithRetry(
      trace ? (signal) => observe(attemptOnce(signal), trace.attempt) : attemptOnce,
      {
        request,
        replaySafe,
        retry: options.retry ?? this.options.retry,
        timeout: options.timeout ?? this.options.timeout,
        signal: options.signal ?? template.signal,
        onRetry: (context) => {
          const { attempt, delay, reason, status } = context;
          try {
            this.options.retry.onRetry?.(context);
          } catch {
            // A broken listener must not break the request, as with `onEvent`.
          }
          const provider = this.description.id;
          emitEvent(this.options.onEvent, {
            type: "retry",
            provider,
            attempt,
            delay,
            reason,
            status,
            request,
          });
        },
      },
    );
    return trace ? observe(result, trace.end) : result;
  }

  /** Core's own answers: read whole under the attempt's signal, within the size caps. */
  async #readWhole(response: Response, signal: AbortSignal, request: ErrorRequest) {
    const { maxResponseBytes, maxErrorBodyBytes } = this.options;
    const maxBytes = response.ok ? maxResponseBytes : maxErrorBodyBytes;
    const tooLarge = () => {
      const what = `The answer to ${request.method} ${request.url}`;
      return new ProtocolError(`${what} is larger than maxResponseBytes (${maxBytes} bytes)`, {
        request,
      });
    };
    // A declared length over the cap fails before a byte is read.
    if (response.ok && Number(response.headers.get("content-length")) > maxBytes) {
      discardBody(response);
      throw tooLarge();
    }
    const buffered = await bufferResponse(response, signal, { always: true, maxBytes }).catch(
      (error: unknown) => {
        throw toCutOff(error, request, this.knownSecrets());
      },
    );
    if (response.ok && buffered instanceof BufferedResponse && buffered.cutAt !== undefined) {
      throw tooLarge();
    }
    return buffered;
  }

  async #sendOnce(
    outgoing: OutgoingRequest,
    signal: AbortSignal,
    auth: "lazy" | string | undefined,
    request: ErrorRequest,
  ) {
    let token = auth === "lazy" ? (await this.session.ensure()).accessToken : auth;
    // Synchronously before sending: the newest token, even if a renewal finished a tick ago.
    if (auth === "lazy") token = this.session.current?.accessToken ?? token;
    const response = await sendFollowingRedirects(outgoing, signal, {
      isTrusted: (url) => this.#trusted.has(url.origin),
      addCredentials: (headers, url) => this.#addCredentials(headers, url, token),
      credentialHeaders: this.#credentialHeaders,
      captureCookies: (url, headers) => this.jar?.capture(url, headers),
      transport: this.options.transport,
      followUntrusted: auth === "lazy",
      maxRedirects: auth === "lazy" ? 20 : 1,
      request,
      knownSecrets: () => this.knownSecrets(),
    });
    return { response, token };
  }

  #addCredentials(headers: Headers, url: URL, token: string | undefined) {
    const scheme = this.description.securityScheme;
    if (token !== undefined) {
      if (scheme.type === "http") headers.set("authorization", `Bearer ${token}`);
      else headers.set(scheme.name, token);
    }
    for (const input of this.description.inputs) {
      if (input.in !== "header") continue;
      const value =
        this.options.inputValues[input.name] ?? this.session.current?.inputs?.[input.name];
      if (value !== undefined) headers.set(input.name, value);
    }
    const cookie = this.jar?.headerFor(url);
    if (cookie !== undefined) headers.set("cookie", cookie);
  }

  async #isRejection(
    response: Response,
    token: string | undefined,
    match: OperationMatch | undefined,
    signal: AbortSignal,
  ) {
    if (response.status === 401 && token !== undefined) return true;
    const matchers = this.description.errors.tokenExpired;
    if (!matchers.some((matcher) => matcher.status === response.status)) return false;
    const facts = {
      status: response.status,
      operationId: match?.operationId,
      body: await readBody(response, this.options, signal),
    };
    return matchError(matchers, facts) !== undefined;
  }
}

/** A connection cut while the body arrives is a network failure like any other. */
function toCutOff(error: unknown, request: ErrorRequest, secrets: readonly string[]): unknown {
  if (!(error instanceof TypeError)) return error;
  return new NetworkError(`${request.method} ${request.url}: the answer was cut off`, {
    cause: scrubError(error, secrets),
    request,
  });
}
