import fc from "fast-check";
import { afterAll, expect, test } from "vitest";
import { createProviderClient, LoginkitError, type SessionEvent } from "../../src/index.js";
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
/** Each call must settle well within this: small timeouts and retries make it generous. */
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
      return new Response(endlessBody(1024 * 1024).stream, {
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

const call = fc.constantFrom("login", "fetch", "fetch", "renew", "session", "logout", "token");

test("random hostile answers: every call settles in bounds, as a LoginkitError with no secret in any form", async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        kind: fc.constantFrom<FakeKind>("vero", "org", "pulse", "enad"),
        answers: fc.array(fc.option(hostileAnswer, { freq: 2, nil: undefined }), { maxLength: 12 }),
        calls: fc.array(call, { minLength: 1, maxLength: 5 }),
        retryLimit: fc.integer({ min: 0, max: 2 }),
      }),
      async ({ kind, answers, calls, retryLimit }) => {
        const provider = new FakeProvider(kind);
        provider.faults.push(
          ...answers.map((answer) => () => (answer ? toResponse(answer) : undefined)),
        );
        const events: SessionEvent[] = [];
        const client = createProviderClient(DESCRIPTIONS[kind], {
          ...INPUTS[kind],
          credentials: { email: "ada@example.com", password: PASSWORD, apiSecret: API_SECRET },
          fetch: provider.fetch,
          timeout: 60,
          storeTimeout: 20,
          maxResponseBytes: 16_384,
          maxErrorBodyBytes: 2_048,
          retry: { limit: retryLimit, baseDelay: 1, maxDelay: 5, maxRetryAfter: 10 },
          onEvent: (event) => events.push(event),
        });
        const url = `${provider.origin}${kind === "vero" ? "/api/orders" : kind === "enad" ? "/api/v1/app-1/devices" : "/users"}`;
        for (const name of calls) {
          const pending: Promise<unknown> = {
            login: () => client.signIn(),
            // A caller bounds the reading of a streamed body with its own signal, as with fetch.
            fetch: () =>
              client
                .fetch(url, { signal: AbortSignal.timeout(1_000) })
                .then((response) => response.text().catch(() => "the answer's own stream failed")),
            renew: () => client.renew(),
            session: () => client.session(),
            logout: () => client.signOut(),
            token: () => client.getAccessToken(),
          }[name]();
          expect(await settlesWithin(pending, BOUND_MS), `${name} settles`).toBe("settled");
          const error = await pending.then(
            () => undefined,
            (caught: unknown) => caught,
          );
          if (error === undefined) continue;
          recordOutput(error);
          expect(error, `${name} fails with a LoginkitError`).toBeInstanceOf(LoginkitError);
          expect(findLeakedSecret(serialiseForLogs(error))).toBeUndefined();
        }
        for (const event of events) expect(findLeakedSecret(JSON.stringify(event))).toBeUndefined();
        recordOutput(events);
      },
    ),
    { numRuns: 60 },
  );
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
