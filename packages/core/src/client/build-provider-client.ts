import createClient from "openapi-fetch";
import { AbortError } from "../errors/AbortError.js";
import { ConfigurationError } from "../errors/ConfigurationError.js";
import type { EventFilter } from "../events/event-listeners.js";
import type { SessionEvent } from "../events/session-event.js";
import { checkFunction } from "../options/option-checks.js";
import type { ProviderDescription } from "../provider/provider-description.js";
import type { ProviderFeatures } from "../provider/provider-features.js";
import { SessionManager } from "../session/session-manager.js";
import { resolveCredentials, signIn } from "../session/sign-in.js";
import { Transport } from "../transport/transport.js";
import { KnownSecrets } from "../utils/known-secrets.js";
import { raceSignal } from "../utils/race-signal.js";
import { scrubError, scrubMessage, toLoginkitError } from "../utils/scrub-error.js";
import { checkWaitOptions } from "./check-wait-options.js";
import { ClientRequest } from "./client-request.js";
import type {
  ProviderClient,
  ProviderClientOptions,
  ProviderTypes,
  WaitOptions,
} from "./client-types.js";
import { normalizeClientOptions } from "./normalize-client-options.js";
import { type CheckedRequestOptions, readRequestOptions } from "./request-options.js";
import { RequestPipeline } from "./request-pipeline.js";
import { endSession, readProviderSession, signOutDiscarded } from "./session-operations.js";

/**
 * Builds a client from its layers with the features it is given (see `ProviderFeatures`):
 * `createProviderClient` gives every feature, `createTypedClient` those a generated
 * description names. A feature the description calls for but nobody gave is a
 * `ConfigurationError`, rather than a client that quietly drops cookies or never refreshes.
 */
export function buildProviderClient<T extends ProviderTypes>(
  description: ProviderDescription,
  options: ProviderClientOptions<T["credentials"]> & Record<string, unknown>,
  features: ProviderFeatures,
): ProviderClient<T> {
  checkFeatures(description, features);
  const normalized = normalizeClientOptions(description, options);
  const secrets = new KnownSecrets(normalized.credentials);
  normalized.events.scrubWith((event) => secrets.scrub(event));
  // The layers, bottom up, each handed the one below: transport (origins, redirects, cookies),
  // core's own calls over it (sign-in, refresh: no session), the session that makes those
  // calls, and the pipeline for user requests, which attaches the session's token.
  const { createCookieJar, refreshSession } = features;
  const transport = new Transport(description, normalized, { secrets, createCookieJar });
  const ownCalls = new RequestPipeline(description, normalized, { transport, secrets, features });
  let credentials: unknown = normalized.credentials;
  const session = new SessionManager({
    provider: description.id,
    store: normalized.tokenStore,
    storeKey: normalized.storeKey,
    storeTimeout: normalized.storeTimeout,
    leaseTiming: normalized.leaseTiming,
    refusalCoolDown: normalized.refusalCoolDown,
    signOutAtProvider: (stored) => signOutDiscarded(ownCalls, stored),
    renewBeforeExpiry: normalized.renewBeforeExpiry,
    onEvent: normalized.onEvent,
    secrets,
    signIn: async (given, guard) => {
      const resolved = given ?? (await resolveCredentials(credentials, ownCalls));
      secrets.rememberCredentials(resolved);
      const result = await guard(resolved, () => signIn(ownCalls, resolved));
      // Credentials given to signIn() are the ones to sign in with again, hours later.
      if (given !== undefined) credentials = given;
      return result;
    },
    refresh:
      refreshSession && description.refresh
        ? (stored) => refreshSession(ownCalls, stored)
        : undefined,
  });
  const pipeline = new RequestPipeline(description, normalized, {
    transport,
    secrets,
    features,
    session,
  });

  // A path such as "/api/orders" is resolved against the base URL, as openapi-fetch does for its calls.
  // openapi-fetch hands over a finished Request: use it as is rather than copying it again.
  // Whatever goes wrong leaves as a LoginkitError, with no secret in its words or causes.
  const guard = <R>(promise: Promise<R>): Promise<R> =>
    promise.catch((error: unknown) => {
      throw toLoginkitError(error, secrets.list());
    });
  const loginkitFetch: typeof fetch = (input, init) => {
    let template: Request;
    try {
      // A Request core builds is its own to send as it is (the hot path); the caller's is not.
      template =
        input instanceof Request && init === undefined
          ? input
          : new ClientRequest(resolveAgainst(normalized.baseUrl, input), {
              ...init,
              redirect: "manual",
            });
    } catch (error) {
      // The platform's message quotes the URL (with its user info) or the header it refused.
      const known = secrets.list();
      return Promise.reject(
        new ConfigurationError(
          `client.fetch was given a request that cannot be sent: ${scrubMessage(String((error as Error)?.message), known)}`,
          { cause: scrubError(error, known) },
        ),
      );
    }
    const signal =
      init?.signal ??
      (input instanceof ClientRequest
        ? input.callerSignal
        : input instanceof Request
          ? input.signal
          : undefined);
    let perCall: CheckedRequestOptions | undefined;
    try {
      perCall = readRequestOptions(init?.loginkit ?? (input as RequestInit).loginkit);
    } catch (error) {
      return Promise.reject(error);
    }
    // Who calls (the user) and which credentials go (the session's, or none) are two facts.
    const credentials =
      perCall?.auth === "none" ? ({ kind: "none" } as const) : ({ kind: "session" } as const);
    const streamed = init?.body instanceof ReadableStream;
    const { retry, timeout } = perCall ?? {};
    return guard(pipeline.send(template, credentials, { signal, retry, timeout, streamed }));
  };
  const client = createClient<T["paths"]>({
    baseUrl: normalized.baseUrl,
    fetch: loginkitFetch,
    headers: options.headers,
    // Requests openapi-fetch builds are core's own and stop at a redirect, so the hot path can
    // send them as they are; core follows redirects itself (see transport/).
    Request: ClientRequest,
    redirect: "manual",
  });

  // The caller's signal ends its wait, not work that other calls share. Options are checked,
  // and an aborted signal refused, before the work starts: a refused call sends nothing.
  const waitFor = <R>(start: () => Promise<R>, options?: WaitOptions): Promise<R> => {
    let signal: AbortSignal | undefined;
    try {
      signal = checkWaitOptions(options);
      if (signal?.aborted) {
        throw new AbortError("The wait was aborted by its signal", {
          cause: scrubError(signal.reason, secrets.list()),
        });
      }
    } catch (error) {
      return Promise.reject(error);
    }
    let promise: Promise<R>;
    try {
      promise = start();
    } catch (error) {
      promise = Promise.reject(error);
    }
    if (!signal) return guard(promise);
    return guard(
      raceSignal(promise, signal).catch((error: unknown) => {
        if (!signal.aborted) throw error;
        throw new AbortError("The wait was aborted by its signal", {
          cause: scrubError(signal.reason, secrets.list()),
        });
      }),
    );
  };
  const signInNow = (credentials?: T["credentials"], options?: WaitOptions) =>
    waitFor(() => {
      // New credentials may be another user: the previous one's cookies are not theirs.
      if (credentials !== undefined) transport.jar?.clear();
      return session.signIn(credentials) as Promise<T["signInData"]>;
    }, options);
  const signOut = (options?: WaitOptions) => waitFor(() => endSession(ownCalls, session), options);
  return Object.assign(client, {
    fetch: loginkitFetch,
    provider: description,
    signIn: signInNow,
    signOut,
    login: signInNow,
    logout: signOut,
    onEvent: (listener: (event: SessionEvent) => void, filter?: EventFilter) => {
      checkFunction("onEvent", listener);
      return normalized.events.add(listener, filter);
    },
    renew: (options?: WaitOptions) => waitFor(() => session.renew(), options),
    session: () => guard(readProviderSession(pipeline) as Promise<T["sessionData"]>),
    getAccessToken: (options?: WaitOptions) =>
      waitFor(() => session.ensure().then((current) => current.accessToken), options),
  });
}

function resolveAgainst(baseUrl: string, input: RequestInfo | URL): RequestInfo | URL {
  if (typeof input !== "string" || /^[a-z][a-z\d+.-]*:/i.test(input)) return input;
  return new URL(input.replace(/^\/?/, ""), baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`);
}

function checkFeatures(description: ProviderDescription, features: ProviderFeatures) {
  const missing = [
    description.cookies && !features.createCookieJar && "createCookieJar (cookies: true)",
    description.refresh && !features.refreshSession && "refreshSession (a refresh operation)",
  ].filter(Boolean);
  if (missing.length === 0) return;
  throw new ConfigurationError(
    `The ${description.displayName} description calls for features it was not given: ${missing.join(", ")}. Regenerate the client (pnpm generate), or use createProviderClient, which gives every feature`,
  );
}
