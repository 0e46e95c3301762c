import fc from "fast-check";
import { afterAll, expect, test, vi } from "vitest";
import {
  createProviderClient,
  defaultClientOptions,
  defaultRetryOptions,
  LoginkitError,
  type SessionEvent,
} from "../../src/index.js";
import { DEFAULT_ATTEMPTS, DEFAULT_MAX_BACKOFF_MS } from "../helpers/default-retry.js";
import { startFakeClock } from "../helpers/fake-clock.js";
import { type FakeKind, FakeProvider } from "../helpers/fake-provider.js";
import { enadLike, orgLike, pulseLike, veroLike } from "../helpers/fixtures.js";
import { endlessBody, settlesWithin, stalledBody } from "../helpers/hostile-bodies.js";
import {
  API_SECRET,
  expectNoLeakedSecrets,
  findLeakedSecret,
  PASSWORD,
  recordOutput,
  rememberSecret,
  secretForms,
  serialiseForLogs,
} from "../helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const DESCRIPTIONS = { vero: veroLike, enad: enadLike, org: orgLike, pulse: pulseLike };
const INPUTS: Record<FakeKind, Record<string, string>> = {
  vero: {},
  enad: { appId: "app-1" },
  org: { organizationId: "org-9" },
  pulse: {},
};
/** Tokens a hostile answer may hand out: known to the leak check, some unusable in a header. */
const TOKENS = ["tok-hostile-1-ACCESS", 'tok "quoted"-2-ACCESS', "tok\r\nline-3-ACCESS"].map(
  rememberSecret,
);
/** What a provider may echo: the password and the API secret, in every form a reader decodes. */
const ECHOES = [...secretForms(PASSWORD), ...secretForms(API_SECRET)];
/** The longest `Retry-After` the hostile answers below send that the default policy honours. */
const LONGEST_RETRY_AFTER_MS = 1_000;
/**
 * One request with the default options at its slowest: every attempt silent until the default
 * timeout, and each wait between attempts the default backoff's ceiling or a `Retry-After`.
 */
const ONE_REQUEST_MS =
  defaultClientOptions.timeout * DEFAULT_ATTEMPTS +
  DEFAULT_MAX_BACKOFF_MS +
  defaultRetryOptions.limit * LONGEST_RETRY_AFTER_MS;
/**
 * A call may chain requests: a sign-in, the call itself, after a 401 a refresh and the sign-in
 * it falls back to, then the replay. Each call must settle within that many slowest requests.
 */
const CALL_BOUND_MS = 5 * ONE_REQUEST_MS;
/** Creating a client from random options and signing in to a prompt provider, in real time. */
const BOUND_MS = 5_000;

const echo = fc.constantFrom(...ECHOES);
const hostileString = fc.oneof(
  fc.string(),
  echo.map((secret) => `wrong password ${secret}`),
  fc.constantFrom("\r\nX-Evil: 1", "acct-\u{1F600}", "\u0000", "<html>oops</html>", ""),
);
/** Tokens only under token fields: elsewhere a provider's text is not known to be a secret. */
const tokenValue = fc.oneof(fc.constantFrom(...TOKENS), hostileString, fc.double());
const hostileNumber = fc.oneof(
  fc.constantFrom(1e308, -5, 0, Number.MAX_SAFE_INTEGER, 3_600),
  fc.double(),
);
const hostileValue = fc.oneof(hostileString, hostileNumber, fc.constant(null), fc.boolean());
const hostileJson = fc
  .record({
    fields: fc.dictionary(
      fc.constantFrom(
        "expires_in",
        "message",
        "error",
        "error_code",
        "code",
        "__proto__",
        "constructor",
        "detail",
      ),
      hostileValue,
    ),
    tokens: fc.record(
      { jwt: tokenValue, token: tokenValue, access_token: tokenValue, refresh_token: tokenValue },
      { requiredKeys: [] },
    ),
    session: fc.record({ expires_at: fc.oneof(hostileString, fc.date().map(String)) }),
    primaryAccount: fc.record({ accountId: hostileString }),
  })
  .map(({ fields, tokens, ...nested }) => ({ ...fields, ...tokens, ...nested }))
  .map((value) => JSON.stringify(value).replace(/"__proto_{0,2}"/g, '"__proto__"'));

/** One hostile answer: what a provider may do to a single request. */
const hostileAnswer = fc.oneof(
  fc.record({
    kind: fc.constant("answer" as const),
    status: fc.constantFrom(200, 201, 204, 400, 401, 403, 404, 408, 422, 429, 500, 502, 503),
    contentType: fc.constantFrom("application/json", "text/html", "application/octet-stream", ""),
    body: fc.oneof(hostileJson, hostileString),
    retryAfter: fc.option(fc.constantFrom("0", "1", "999999", "soon", "-1"), { nil: undefined }),
  }),
  fc.record({
    kind: fc.constant("redirect" as const),
    status: fc.constantFrom(301, 302, 303, 307, 308),
    location: fc.oneof(
      fc.constantFrom(
        "data:text/plain,x",
        "javascript:alert(1)",
        "http://exa mple.test/",
        `https://ada:${encodeURIComponent(PASSWORD)}@vero.test/x`,
        "/same/path",
        "https://elsewhere.test/",
      ),
      fc.string(),
    ),
  }),
  fc.record({ kind: fc.constantFrom("stall" as const, "endless" as const, "cut" as const) }),
  fc.record({ kind: fc.constant("throw" as const), message: echo }),
);
type HostileAnswer = typeof hostileAnswer extends fc.Arbitrary<infer T> ? T : never;

function toResponse(answer: HostileAnswer): Response {
  switch (answer.kind) {
    case "answer": {
      const headers: Record<string, string> = {};
      if (answer.contentType) headers["content-type"] = answer.contentType;
      if (answer.retryAfter !== undefined) headers["retry-after"] = answer.retryAfter;
      const body = answer.status === 204 ? null : answer.body;
      return new Response(body, { status: answer.status, headers });
    }
    case "redirect":
      return new Response(null, { status: answer.status, headers: { location: answer.location } });
    case "stall":
      return new Response(stalledBody().stream, {
        headers: { "content-type": "application/json" },
      });
    case "endless":
      return new Response(endlessBody(2 * defaultClientOptions.maxResponseBytes).stream, {
        headers: { "content-type": "application/json" },
      });
    case "cut":
      return new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('{"jwt":"tok'));
            controller.error(new TypeError(`terminated while sending ${PASSWORD}`));
          },
        }),
        { headers: { "content-type": "application/json" } },
      );
    case "throw":
      throw new TypeError(`fetch failed: proxy saw ${answer.message}`);
  }
}

/** A turn of the real event loop: `setImmediate` as it was before the fake clock replaced it. */
const realTurn = (
  (realSetImmediate) => () =>
    new Promise<void>((resolve) => realSetImmediate(() => resolve()))
)(globalThis.setImmediate);
/** Real turns with nothing pending on either clock after which a call is taken to hang. */
const HANG_TURNS = 1_000;

/**
 * Counts digests in flight. Core digests the credentials (the sign-in cool-down) with
 * `crypto.subtle`, which answers from a thread pool on real time: the fake clock must wait for
 * it, or it would run a timeout while the digest was still being computed.
 */
function countDigests() {
  let inFlight = 0;
  const digest = crypto.subtle.digest.bind(crypto.subtle);
  const spy = vi
    .spyOn(crypto.subtle, "digest")
    .mockImplementation((...args: Parameters<SubtleCrypto["digest"]>) => {
      inFlight++;
      return digest(...args).finally(() => {
        inFlight--;
      });
    });
  return { inFlight: () => inFlight, restore: () => spy.mockRestore() };
}

/**
 * Whether `pending` settles within `ms` of fake time. The clock moves from timer to timer (a
 * timeout, a backoff, a stalled body's silence), and only while no digest is being computed:
 * fake time passes only when nothing but a timer could move the call on.
 */
async function settlesInFakeTime(
  pending: Promise<unknown>,
  ms: number,
  digestsInFlight: () => number,
): Promise<string> {
  const deadline = Date.now() + ms;
  let settledAt: number | undefined;
  const mark = () => {
    settledAt = Date.now();
  };
  pending.then(mark, mark);
  let idleTurns = 0;
  while (settledAt === undefined && Date.now() <= deadline && idleTurns < HANG_TURNS) {
    await realTurn();
    if (settledAt !== undefined || digestsInFlight() > 0) continue;
    if (vi.getTimerCount() > 0) {
      await vi.advanceTimersToNextTimerAsync();
      idleTurns = 0;
    } else idleTurns++;
  }
  return settledAt !== undefined && settledAt <= deadline ? "settled" : "pending";
}

const call = fc.constantFrom("login", "fetch", "fetch", "renew", "session", "logout", "token");

test("random hostile answers: every call settles in bounds, as a LoginkitError with no secret in any form", async () => {
  startFakeClock();
  const digests = countDigests();
  try {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          kind: fc.constantFrom<FakeKind>("vero", "org", "pulse", "enad"),
          answers: fc.array(fc.option(hostileAnswer, { freq: 2, nil: undefined }), {
            maxLength: 12,
          }),
          calls: fc.array(call, { minLength: 1, maxLength: 5 }),
        }),
        async ({ kind, answers, calls }) => {
          const provider = new FakeProvider(kind);
          provider.faults.push(
            ...answers.map((answer) => () => (answer ? toResponse(answer) : undefined)),
          );
          const events: SessionEvent[] = [];
          const client = createProviderClient(DESCRIPTIONS[kind], {
            ...INPUTS[kind],
            credentials: { email: "ada@example.com", password: PASSWORD, apiSecret: API_SECRET },
            fetch: provider.fetch,
            onEvent: (event) => events.push(event),
          });
          const url = `${provider.origin}${kind === "vero" ? "/api/orders" : kind === "enad" ? "/api/v1/app-1/devices" : "/users"}`;
          for (const name of calls) {
            // A caller bounds the reading of a streamed body with its own signal, as with fetch:
            // here as long as one slowest request takes. Not AbortSignal.timeout, which runs on
            // real time: the fake clock would never fire it.
            const caller = new AbortController();
            const callerTimer = setTimeout(() => caller.abort(), ONE_REQUEST_MS);
            const pending: Promise<unknown> = {
              login: () => client.signIn(),
              fetch: () =>
                client
                  .fetch(url, { signal: caller.signal })
                  .then((response) =>
                    response.text().catch(() => "the answer's own stream failed"),
                  ),
              renew: () => client.renew(),
              session: () => client.session(),
              logout: () => client.signOut(),
              token: () => client.getAccessToken(),
            }[name]();
            expect(
              await settlesInFakeTime(pending, CALL_BOUND_MS, digests.inFlight),
              `${name} settles`,
            ).toBe("settled");
            clearTimeout(callerTimer);
            const error = await pending.then(
              () => undefined,
              (caught: unknown) => caught,
            );
            if (error === undefined) continue;
            recordOutput(error);
            expect(error, `${name} fails with a LoginkitError`).toBeInstanceOf(LoginkitError);
            expect(findLeakedSecret(serialiseForLogs(error))).toBeUndefined();
          }
          for (const event of events)
            expect(findLeakedSecret(JSON.stringify(event))).toBeUndefined();
          recordOutput(events);
        },
      ),
      { numRuns: 60 },
    );
  } finally {
    digests.restore();
    vi.useRealTimers();
  }
});

const anyValue = fc.oneof(
  fc.anything(),
  fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 31, 2 ** 31 - 1, 100),
);
const option = (values: fc.Arbitrary<unknown>) => fc.option(values, { nil: undefined });

test("random option values: creation throws a ConfigurationError or the client works within bounds", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        baseUrl: option(
          fc.oneof(
            fc.webUrl(),
            fc.string(),
            fc.constantFrom(
              `https://ada:${PASSWORD}@vero.test/api`,
              "ftp://vero.test",
              "https://vero.test/api",
            ),
          ),
        ),
        timeout: option(fc.oneof(anyValue, fc.constant(false))),
        retry: option(
          fc.oneof(
            anyValue,
            fc.record(
              {
                limit: anyValue,
                statusCodes: fc.oneof(anyValue, fc.array(fc.integer({ min: 0, max: 700 }))),
                methods: fc.oneof(anyValue, fc.array(fc.string())),
                baseDelay: anyValue,
                maxDelay: anyValue,
                budget: anyValue,
                jitter: anyValue,
              },
              { requiredKeys: [] },
            ),
          ),
        ),
        appId: option(fc.oneof(fc.string(), anyValue)),
        storeTimeout: option(anyValue),
        maxResponseBytes: option(anyValue),
        renewBeforeExpiry: option(anyValue),
        headers: option(fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 })),
      }),
      async (options) => {
        const provider = new FakeProvider("enad");
        let client: ReturnType<typeof createProviderClient> | undefined;
        try {
          client = createProviderClient(enadLike, {
            ...options,
            credentials: { email: "ada@example.com", password: PASSWORD },
            fetch: provider.fetch,
          } as never);
        } catch (error) {
          recordOutput(error);
          expect(error).toBeInstanceOf(LoginkitError);
          expect((error as Error).name).toMatch(/ConfigurationError|CredentialsError/);
          expect(findLeakedSecret(serialiseForLogs(error))).toBeUndefined();
          expect(provider.requests).toHaveLength(0);
          return;
        }
        const login = client.signIn();
        expect(await settlesWithin(login, BOUND_MS)).toBe("settled");
        const error = await login.then(
          () => undefined,
          (caught: unknown) => caught,
        );
        if (error !== undefined) {
          recordOutput(error);
          expect(error).toBeInstanceOf(LoginkitError);
          expect(findLeakedSecret(serialiseForLogs(error))).toBeUndefined();
        }
      },
    ),
    { numRuns: 150 },
  );
});
