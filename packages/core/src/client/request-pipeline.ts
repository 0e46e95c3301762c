import { ConfigurationError } from "../errors/ConfigurationError.js";
import type { ErrorRequest } from "../errors/LoginkitError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { ProtocolError } from "../errors/ProtocolError.js";
import { emitEvent } from "../events/session-event.js";
import { observe, traceRequest } from "../events/trace-request.js";
import { matchError } from "../provider/match-error.js";
import { createOperationMatcher, type OperationMatch } from "../provider/match-operation.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import type { ProviderFeatures } from "../provider/provider-features.js";
import { resolveOperationUrl } from "../provider/resolve-operation-url.js";
import type { NormalizedRetryOptions, RetryContext } from "../retry/retry-options.js";
import { type Attempt, runWithRetry, toAbortError } from "../retry/run-with-retry.js";
import type { SessionManager } from "../session/session-manager.js";
import type { Attachment, Transport } from "../transport/transport.js";
import { collectServerUrls } from "../transport/trusted-origins.js";
import { BufferedResponse, bufferResponse } from "../utils/buffer-response.js";
import { copyHeaders } from "../utils/copy-headers.js";
import { discardBody } from "../utils/discard-body.js";
import type { KnownSecrets } from "../utils/known-secrets.js";
import { readBody } from "../utils/read-body.js";
import { redactUrl } from "../utils/redact-url.js";
import { scrubError } from "../utils/scrub-error.js";
import { ClientRequest } from "./client-request.js";
import { type AuthMode, decideReplay } from "./decide-replay.js";
import { FreshTokenRefusals } from "./fresh-token-refusals.js";
import { guardBody } from "./guard-body.js";
import type { NormalizedClientOptions } from "./normalize-client-options.js";

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
  /** The body is a stream the caller handed over (`client.fetch` with a ReadableStream). */
  streamed?: boolean;
}

/**
 * The request layer: per request, decides trust and replay once, then runs the attempts
 * (retry) over the transport, with the session's token when the request needs one. Built
 * without a session for core's own sign-in and refresh calls, which the session makes
 * through it: the layers point one way only.
 */
export class RequestPipeline {
  readonly description: ProviderDescription;
  readonly options: NormalizedClientOptions;
  readonly transport: Transport;
  readonly features: ProviderFeatures;
  readonly #session?: SessionManager;
  readonly #secrets: KnownSecrets;
  readonly #match: (method: string, url: URL) => OperationMatch | undefined;
  readonly #freshTokenRefusals = new FreshTokenRefusals();

  constructor(
    description: ProviderDescription,
    options: NormalizedClientOptions,
    layers: {
      transport: Transport;
      secrets: KnownSecrets;
      features: ProviderFeatures;
      session?: SessionManager;
    },
  ) {
    this.description = description;
    this.options = options;
    this.transport = layers.transport;
    this.features = layers.features;
    this.#secrets = layers.secrets;
    this.#session = layers.session;
    this.#match = createOperationMatcher(
      description,
      collectServerUrls(description, options.baseUrl),
    );
  }

  /** Every secret the client holds, to keep out of errors and events. */
  knownSecrets(): string[] {
    return this.#secrets.list();
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

  /** Retry around attempts; per attempt: authenticate, send, renew and replay once if refused. */
  async send(template: Request, auth: AuthMode, options: SendOptions = {}): Promise<Response> {
    const url = new URL(template.url);
    const { method } = template;
    const trusted = this.transport.isTrusted(url);
    const match = trusted ? this.#match(method, url) : undefined;
    const authenticated = trusted && !match?.operation.public;
    const session = auth.kind === "session" && authenticated ? this.#session : undefined;
    if (auth.kind === "session" && authenticated && !session) {
      throw new Error("A request that needs the session was sent without one");
    }
    const replay = decideReplay({
      auth,
      authenticated,
      replaySafe: match?.operation.replaySafe ?? false,
      streamed: options.streamed === true,
    });
    // The hot path: openapi-fetch's own bodiless Request goes out as it is (see sendPrepared).
    const prepared =
      trusted &&
      template.body === null &&
      template.redirect === "manual" &&
      template instanceof ClientRequest;
    const headers = prepared ? template.headers : copyHeaders(template.headers);
    if (trusted) {
      for (const [name, value] of this.transport.defaultHeaders) {
        if (!headers.has(name)) headers.set(name, value);
      }
    }
    const outgoing = prepared
      ? undefined
      : {
          url,
          method,
          headers,
          body:
            template.body === null
              ? undefined
              : replay.bufferBody
                ? await template.arrayBuffer()
                : template.body,
        };
    // Redacted only when an error or event needs it: most requests never show their URL.
    let redacted: string | undefined;
    const knownSecrets = () => this.knownSecrets();
    const request: ErrorRequest = {
      method,
      get url() {
        redacted ??= redactUrl(url, knownSecrets());
        return redacted;
      },
    };
    const settings = {
      followUntrusted: auth.kind === "session",
      maxRedirects: auth.kind === "session" ? 20 : 1,
      request,
    };
    const sendWith = (signal: AbortSignal, attachment: Attachment | undefined) =>
      outgoing
        ? this.transport.send(outgoing, signal, attachment, settings)
        : this.transport.sendPrepared(template, url, signal, attachment, settings);
    const fixed: Attachment | undefined =
      auth.kind === "token" ? { token: auth.token, inputs: auth.inputs } : undefined;
    const endpoint = `${method} ${match?.operationId ?? url.origin + url.pathname}`;
    const retry = options.retry ?? this.options.retry;
    const timeout = options.timeout ?? this.options.timeout;
    const callerSignal =
      options.signal ??
      (template instanceof ClientRequest ? template.callerSignal : template.signal);
    let replayed = false;

    const attemptOnce = async (attempt: Attempt): Promise<Response> => {
      const { signal } = attempt;
      const sentAt = Date.now();
      let attachment = session
        ? (attachUsable(session) ?? (await this.#attachSession(session)))
        : fixed;
      let response = await sendWith(signal, attachment);
      const token = attachment?.token;
      if (session && !replayed && (await this.#isRejection(response, token, match, signal))) {
        if (this.#freshTokenRefusals.has(endpoint, token)) {
          const { status } = response;
          const provider = this.description.id;
          emitEvent(this.options.onEvent, { type: "renewal-skipped", provider, status, request });
        } else {
          replayed = true;
          await session.renewRejected(token ?? "", sentAt);
          // A body sent once cannot go again: the next call has the new token, this one its 401.
          if (replay.renewAndReplay) {
            discardBody(response);
            attachment = await this.#attachSession(session);
            response = await sendWith(signal, attachment);
            if (response.status === 401 && attachment.token !== undefined) {
              this.#freshTokenRefusals.record(endpoint, attachment.token);
            }
          }
        }
      }
      if (options.readWhole) return this.#readWhole(response, signal, request);
      return guardBody(response, {
        signal,
        abort: attempt.abort,
        timeout,
        request,
        aborted: () => toAbortError(callerSignal, request),
        scrub: (error) => scrubError(error, knownSecrets()),
        again: (failure) =>
          runWithRetry(attemptOnce, retrySettings, {
            attempt: attempt.number,
            error: failure,
            started,
          }),
      });
    };
    // Per-request events only when a listener takes them: otherwise none is built.
    const { events } = this.options;
    const trace = events.wantsRequestEvents
      ? traceRequest(events, this.description.id, request, knownSecrets)
      : undefined;
    const started = Date.now();
    const retrySettings = {
      request,
      replaySafe: replay.replaySafe,
      retry: replay.retry ? retry : { ...retry, limit: 0 },
      timeout,
      signal: callerSignal,
      onRetry: (context: RetryContext & { delay: number }) => {
        const { attempt, delay, reason, status } = context;
        try {
          retry.onRetry?.(context);
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
    };
    if (!trace) return runWithRetry(attemptOnce, retrySettings);
    const attempts = () =>
      runWithRetry((attempt) => observe(attemptOnce(attempt), trace.attempt), retrySettings);
    return observe(trace.run(attempts), trace.end);
  }

  /** The session's newest token and input headers, signing in or renewing first. */
  async #attachSession(session: SessionManager): Promise<Attachment> {
    const ensured = await session.ensure();
    // Read again right before sending: the newest token, even if a renewal ended a tick ago.
    const current = session.current ?? ensured;
    return { token: current.accessToken, inputs: current.inputs };
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
    const buffered = await bufferResponse(response, signal, { maxBytes }).catch(
      (error: unknown) => {
        if (!(error instanceof TypeError)) throw error;
        // A connection cut while the body arrives is a network failure like any other.
        throw new NetworkError(`${request.method} ${request.url}: the answer was cut off`, {
          cause: scrubError(error, this.knownSecrets()),
          request,
        });
      },
    );
    if (response.ok && buffered instanceof BufferedResponse && buffered.cutAt !== undefined) {
      throw tooLarge();
    }
    return buffered;
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

/** The session's token and input headers when they can be used at once (the hot path). */
function attachUsable(session: SessionManager): Attachment | undefined {
  const usable = session.usable();
  return usable && { token: usable.accessToken, inputs: usable.inputs };
}
