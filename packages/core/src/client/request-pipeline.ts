import { ConfigurationError } from "../errors/ConfigurationError.js";
import type { ErrorRequest } from "../errors/LoginkitError.js";
import { ProtocolError } from "../errors/ProtocolError.js";
import { emitEvent } from "../events/session-event.js";
import { observe, traceRequest } from "../events/trace-request.js";
import { matchError } from "../provider/match-error.js";
import { createOperationMatcher, type OperationMatch } from "../provider/match-operation.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import type { ProviderFeatures } from "../provider/provider-features.js";
import { resolveOperationUrl } from "../provider/resolve-operation-url.js";
import type { NormalizedRetryOptions } from "../retry/retry-options.js";
import type { SessionManager } from "../session/session-manager.js";
import type { Transport } from "../transport/transport.js";
import { collectServerUrls } from "../transport/trusted-origins.js";
import { BufferedResponse, bufferResponse } from "../utils/buffer-response.js";
import { copyHeaders } from "../utils/copy-headers.js";
import { discardBody } from "../utils/discard-body.js";
import type { KnownSecrets } from "../utils/known-secrets.js";
import { readBody } from "../utils/read-body.js";
import { redactUrl } from "../utils/redact-url.js";
import { scrubError } from "../utils/scrub-error.js";
import { ClientRequest } from "./client-request.js";
import { Exchange, toAbortError } from "./exchange.js";
import { toCutOffError, toExchangeError } from "./exchange-errors.js";
import { FreshTokenRefusals } from "./fresh-token-refusals.js";
import type { NormalizedClientOptions } from "./normalize-client-options.js";
import {
  OneShotBody,
  type PlanBody,
  type PlanCredentials,
  type RequestPlan,
} from "./request-plan.js";
import { type RequestLayers, runRequest } from "./run-request.js";

export interface SendOptions {
  /**
   * Read the whole answer inside the attempt, whatever its type, capped by `maxResponseBytes`
   * (`maxErrorBodyBytes` for an error status): core's own sign-in, refresh, sign-out and session
   * calls, whose bodies must be bounded by the attempt's timeout.
   */
  readWhole?: boolean;
  /** The caller's own signal, when it has one (a Request's own signal always exists). */
  signal?: AbortSignal | null;
  /** This call's own retry options and timeout (`loginkit` in its init), else the client's. */
  retry?: NormalizedRetryOptions;
  timeout?: number | false;
  /** The body is a stream the caller handed over: it can be sent once only. */
  streamed?: boolean;
}

/**
 * The request layer: per call, makes the plan (see request-plan.ts) and runs it (run-request.ts)
 * over the transport, with the session's token when the call needs one. Built without a session
 * for core's own sign-in, refresh and sign-out, which the session makes through it (those are
 * core's calls, `caller: "core"`): the layers point one way only.
 */
export class RequestPipeline {
  readonly description: ProviderDescription;
  readonly options: NormalizedClientOptions;
  readonly transport: Transport;
  readonly features: ProviderFeatures;
  readonly #session?: SessionManager;
  readonly #secrets: KnownSecrets;
  readonly #match: (method: string, url: URL) => OperationMatch | undefined;
  readonly #layers: RequestLayers;

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
    const provider = description.id;
    this.#layers = {
      transport: layers.transport,
      session: layers.session,
      refusals: new FreshTokenRefusals(),
      isRejection: (response, plan, signal) => this.#isRejection(response, plan.match, signal),
      readWhole: (response, plan, signal) => this.#readWhole(response, signal, plan.request),
      scrub: (error) => scrubError(error, this.knownSecrets()),
      onRetry: (context, plan) => {
        try {
          plan.retry.onRetry?.(context);
        } catch {
          // A broken listener must not break the request, as with `onEvent`.
        }
        const { attempt, delay, reason, status } = context;
        const request = plan.request;
        emitEvent(options.onEvent, {
          type: "retry",
          provider,
          attempt,
          delay,
          reason,
          status,
          request,
        });
      },
      onRenewalSkipped: (status, plan) => {
        emitEvent(options.onEvent, {
          type: "renewal-skipped",
          provider,
          status,
          request: plan.request,
        });
      },
    };
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
    return new ClientRequest(url, { ...init, method: operation.method.toUpperCase() });
  }

  /** Plans the call, then runs it: see run-request.ts. */
  async send(
    template: Request,
    credentials: PlanCredentials,
    options: SendOptions = {},
  ): Promise<Response> {
    const plan = await this.#plan(template, credentials, options);
    const { events } = this.options;
    // Per-request events only when a listener takes them: otherwise none is built.
    const trace = events.wantsRequestEvents
      ? traceRequest(
          events,
          this.description.id,
          plan.request,
          () => this.knownSecrets(),
          plan.caller === "core",
        )
      : undefined;
    if (!trace) return runRequest(plan, this.#layers, undefined);
    // The attempts run inside the listeners' scopes, so a tracer's sends are the request's children.
    return observe(
      trace.run(() => runRequest(plan, this.#layers, trace)),
      trace.end,
    );
  }

  /** The one plan of a call: everything decided before anything is sent. */
  async #plan(
    template: Request,
    credentials: PlanCredentials,
    options: SendOptions,
  ): Promise<RequestPlan> {
    const url = new URL(template.url);
    const { method } = template;
    const caller = this.#session ? "user" : "core";
    const signal =
      options.signal ??
      (template instanceof ClientRequest ? template.callerSignal : template.signal);
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
    // An aborted signal sends nothing, not even the sign-in a first call would need.
    if (signal?.aborted) throw toAbortError(signal, request);
    const trusted = this.transport.isTrusted(url);
    const match = trusted ? this.#match(method, url) : undefined;
    const authenticated = trusted && !match?.operation.public;
    if (credentials.kind === "session" && authenticated && !this.#session) {
      throw new Error("A request that needs the session was sent without one");
    }
    const body = await this.#planBody(template, options, signal, request);
    // openapi-fetch's own Request goes out as it is on the first attempt (its body unread):
    // one Request and one body stream less per call. Later attempts build from the plan.
    const prepared =
      trusted &&
      template instanceof ClientRequest &&
      template.redirect === "manual" &&
      (body.kind === "none" || (body.kind === "replayable" && !template.bodyUsed))
        ? template
        : undefined;
    // The client's headers join the caller's on the provider's origins: in the copy every later
    // attempt starts from, and on openapi-fetch's own Request when it is the first attempt's.
    const headers = copyHeaders(template.headers);
    if (trusted) {
      for (const [name, value] of this.transport.defaultHeaders) {
        if (headers.has(name)) continue;
        headers.set(name, value);
        prepared?.headers.set(name, value);
      }
    }
    const retry = options.retry ?? this.options.retry;
    return Object.freeze({
      url,
      method,
      headers,
      body,
      caller,
      credentials: authenticated ? credentials : ({ kind: "none" } as const),
      authenticated,
      match,
      replaySafe: match?.operation.replaySafe ?? false,
      signal,
      timeout: options.timeout ?? this.options.timeout,
      retry,
      readWhole: options.readWhole === true,
      request,
      endpoint: `${method} ${match?.operationId ?? url.origin + url.pathname}`,
      prepared,
    });
  }

  /**
   * The body by how often it can go out: a value core's `ClientRequest` was given (replayable as
   * it is), a stream the caller handed over (once), else the caller's Request body read into
   * bytes first, under the caller's signal and the timeout (a stalled stream cannot hang it).
   */
  async #planBody(
    template: Request,
    options: SendOptions,
    signal: AbortSignal | undefined,
    request: ErrorRequest,
  ): Promise<PlanBody> {
    if (template.body === null) return { kind: "none" };
    if (options.streamed) return new OneShotBody(template.body);
    if (template instanceof ClientRequest && template.replayableBody !== undefined) {
      return { kind: "replayable", value: template.replayableBody };
    }
    const timeout = options.timeout ?? this.options.timeout;
    const exchange = new Exchange(signal, timeout);
    try {
      return { kind: "replayable", value: await exchange.wait(template.arrayBuffer()) };
    } catch (error) {
      template.body?.cancel().catch(() => {});
      throw toExchangeError(error, exchange, {
        request,
        timeout,
        signal,
        scrub: this.#layers.scrub,
      });
    } finally {
      exchange.release();
    }
  }

  /** Core's own answers: read whole under the exchange's signal, within the size caps. */
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
    // A connection cut while the body arrives is a network failure like any other.
    const buffered = await bufferResponse(response, signal, { maxBytes }).catch(
      (error: unknown) => {
        throw toCutOffError(error, request, this.#layers.scrub);
      },
    );
    if (response.ok && buffered instanceof BufferedResponse && buffered.cutAt !== undefined) {
      throw tooLarge();
    }
    return buffered;
  }

  async #isRejection(response: Response, match: OperationMatch | undefined, signal: AbortSignal) {
    if (response.status === 401) return true;
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
