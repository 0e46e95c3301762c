import { PASSWORD, rememberSecret } from "./secrets.js";

export type FakeKind = "vero" | "enad" | "org" | "pulse";

/** Returns a response (or throws, e.g. a TypeError for a network fault) to override routing; `undefined` routes as usual. */
export type Fault = (request: Request) => Response | undefined | Promise<Response | undefined>;

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Index of the token the request carried in `issued`, or -1. */
  tokenIndex: number;
  /** What `provider.stamp()` returned when the request arrived (tests put client state here). */
  stamp: number;
}

const ORIGINS: Record<FakeKind, string> = {
  vero: "https://vero.test",
  enad: "https://api.enad.test",
  org: "https://org.test",
  pulse: "https://pulse.test",
};

/**
 * A scripted provider behind an injected `fetch`: sign-in, refresh, a protected catch-all that
 * checks the bearer token, and the fixture's extras (recovery cookie, session). Time comes from
 * `Date.now()`, so fake timers expire its tokens too.
 */
export class FakeProvider {
  readonly kind: FakeKind;
  readonly origin: string;
  lifetimeMs: number;
  signIns = 0;
  refreshes = 0;
  readonly issued: string[] = [];
  readonly requests: RecordedRequest[] = [];
  readonly faults: Fault[] = [];
  /** Requests currently inside sign-in/refresh handling (single-flight check). */
  tokenRequestsInFlight = 0;
  maxTokenRequestsInFlight = 0;
  /** A refresh token works once: refreshing spends it (org-platform's rotation). */
  rotateRefreshTokens = false;
  /** Refreshes answered 401 because the refresh token was spent or expired. */
  refusedRefreshes = 0;
  /** Delay of sign-in/refresh responses, ms (needs fake or real time to pass). */
  tokenLatencyMs = 0;
  /** Called as each request arrives; its value is recorded with the request. */
  stamp: () => number = () => 0;
  readonly #expiry = new Map<string, number>();
  readonly #refreshTokens = new Map<string, number>();

  constructor(kind: FakeKind, lifetimeMs = 3_600_000) {
    this.kind = kind;
    this.origin = ORIGINS[kind];
    this.lifetimeMs = lifetimeMs;
  }

  readonly fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const body = await request.clone().text();
    const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "");
    this.requests.push({
      method: request.method,
      url: request.url,
      headers: Object.fromEntries(request.headers),
      body,
      tokenIndex: bearer ? this.issued.indexOf(bearer) : -1,
      stamp: this.stamp(),
    });
    const fault = await this.faults.shift()?.(request);
    if (fault) return fault;
    const path = new URL(request.url).pathname;
    if (path.endsWith("/login") || path.endsWith("/oauth/token") || path.endsWith("/sign-in")) {
      return this.#tokenEndpoint(() => this.#signIn(body));
    }
    if (path.endsWith("/oauth/refresh")) return this.#tokenEndpoint(() => this.#refresh(body));
    if (path.startsWith("/api/recovery/")) return this.#recovery(path, request);
    if (!bearer || !this.isValid(bearer)) {
      const code = this.kind === "org" ? "TOKEN_EXPIRED" : "UNAUTHORIZED";
      return Response.json({ error_code: code }, { status: 401 });
    }
    if (path === "/auth/session") return Response.json({ user: { id: "u1" } });
    return Response.json({ ok: true, method: request.method, path, body });
  };

  isValid(token: string): boolean {
    const expiry = this.#expiry.get(token);
    return expiry !== undefined && Date.now() < expiry;
  }

  /** Makes every token issued so far invalid, as a server-side revocation would. */
  revokeAll(): void {
    for (const token of this.#expiry.keys()) this.#expiry.set(token, 0);
  }

  async #tokenEndpoint(handle: () => Response): Promise<Response> {
    this.tokenRequestsInFlight++;
    this.maxTokenRequestsInFlight = Math.max(
      this.maxTokenRequestsInFlight,
      this.tokenRequestsInFlight,
    );
    try {
      if (this.tokenLatencyMs > 0)
        await new Promise((resolve) => setTimeout(resolve, this.tokenLatencyMs));
      return handle();
    } finally {
      this.tokenRequestsInFlight--;
    }
  }

  #signIn(body: string): Response {
    this.signIns++;
    const credentials = JSON.parse(body || "{}") as { password?: string };
    if (credentials.password !== PASSWORD) return this.#refusal();
    return Response.json(this.#issue());
  }

  #refresh(body: string): Response {
    this.refreshes++;
    const { refresh_token: refreshToken } = JSON.parse(body || "{}") as { refresh_token?: string };
    const expiry = refreshToken ? this.#refreshTokens.get(refreshToken) : undefined;
    if (expiry === undefined || Date.now() >= expiry) {
      this.refusedRefreshes++;
      return Response.json(
        { error_code: "REFRESH_EXPIRED", message: "Refresh token expired" },
        { status: 401 },
      );
    }
    if (this.rotateRefreshTokens && refreshToken) this.#refreshTokens.delete(refreshToken);
    return Response.json(this.#issue());
  }

  #refusal(): Response {
    switch (this.kind) {
      case "enad":
        return Response.json(
          { error: "invalid_grant", error_description: "Bad login" },
          { status: 400 },
        );
      case "pulse":
        return Response.json(
          { code: "BAD_LOGIN", message: "Wrong email or password" },
          { status: 403 },
        );
      default:
        return Response.json(
          { error_code: "INVALID_CREDENTIALS", message: "Wrong email or password" },
          { status: 401 },
        );
    }
  }

  #issue(): Record<string, unknown> {
    const n = this.issued.length;
    const now = Date.now();
    const expiresAt = now + this.lifetimeMs;
    const token = rememberSecret(
      this.kind === "vero" ? fakeJwt(n, expiresAt) : `tok-${n}-ACCESS-${this.kind}`,
    );
    this.issued.push(token);
    this.#expiry.set(token, expiresAt);
    const refreshToken = rememberSecret(`refresh-${n}-REFRESH`);
    this.#refreshTokens.set(refreshToken, now + 10 * this.lifetimeMs);
    switch (this.kind) {
      case "vero":
        return { jwt: token, session: { expires_at: new Date(expiresAt).toISOString() } };
      case "enad":
        return { access_token: token, expires_in: this.lifetimeMs / 1000 };
      case "org":
        return {
          access_token: token,
          refresh_token: refreshToken,
          expires_in: this.lifetimeMs / 1000,
        };
      case "pulse":
        return { token, primaryAccount: { accountId: "acct-42" } };
    }
  }

  #recovery(path: string, request: Request): Response {
    if (path.endsWith("/start")) {
      return Response.json(
        { sent: true },
        { headers: { "set-cookie": "recovery=rc-77; Path=/; HttpOnly" } },
      );
    }
    if (request.headers.get("cookie") !== "recovery=rc-77")
      return Response.json({}, { status: 400 });
    const headers = path.endsWith("/reset-password")
      ? { "set-cookie": "recovery=; Max-Age=0" }
      : undefined;
    return Response.json({ ok: true }, { headers });
  }
}

function fakeJwt(n: number, expiresAt: number): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const payload = { sub: "user", n, exp: Math.floor(expiresAt / 1000) };
  return `${encode({ alg: "HS256", typ: "JWT" })}.${encode(payload)}.sig${n}TOKEN`;
}

/** A TypeError like the one fetch throws when the connection fails. */
export const networkFault: Fault = () => {
  throw new TypeError("fetch failed");
};

export const statusFault =
  (status: number, headers?: HeadersInit): Fault =>
  () =>
    new Response(JSON.stringify({ status }), { status, headers });
