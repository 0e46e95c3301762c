import { decodeJwt, errors, jwtVerify, SignJWT } from "jose";
import type { SimulatorAccount } from "../accounts/simulator-account.js";
import { randomBytes, randomUuid } from "../random/random-bytes.js";
import type { SimulatorClock } from "./simulated-clock.js";

export interface IssuedAccessToken {
  readonly token: string;
  /** The JWT's `jti`: how logs and stats name a token without showing it. */
  readonly id: string;
  readonly account: SimulatorAccount;
  readonly expiresAt: Date;
  readonly lifetimeSeconds: number;
}

export type TokenCheck =
  | { readonly ok: true; readonly issued: IssuedAccessToken }
  | { readonly ok: false; readonly reason: "missing" | "unknown" | "expired" };

/** What became of a presented refresh token. */
export type ConsumedRefreshToken =
  | { readonly kind: "valid"; readonly account: SimulatorAccount; readonly family: string }
  | { readonly kind: "unknown" }
  /** A spent token came back under `revoke-family`: its whole family is revoked now. */
  | { readonly kind: "reused-family-revoked" };

/** Spent refresh tokens remembered for reuse detection, at most (oldest forgotten first). */
const MAX_SPENT_REMEMBERED = 10_000;

/**
 * Issues HS256 JWT access tokens and rotating refresh tokens, and remembers both. Every token
 * belongs to a family (one per sign-in, continued by each refresh), which reuse detection
 * revokes as a whole.
 */
export class TokenIssuer {
  readonly #key: Uint8Array;
  readonly #accessTokens = new Map<
    string,
    IssuedAccessToken & { expiredByControl: boolean; family?: string }
  >();
  readonly #refreshTokens = new Map<string, { account: SimulatorAccount; family: string }>();
  /** Spent refresh token → its family, for `revoke-family`. */
  readonly #spent = new Map<string, string>();

  constructor(
    private readonly clock: SimulatorClock,
    private readonly lifetimeSeconds: number,
    private readonly issuer: string,
    secret?: string,
    private readonly reuse: "refuse" | "revoke-family" = "refuse",
  ) {
    this.#key = secret === undefined ? randomBytes(32) : new TextEncoder().encode(secret);
  }

  /** A new token family, for a sign-in. */
  newFamily(): string {
    return randomUuid();
  }

  async issueAccessToken(account: SimulatorAccount, family?: string): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(this.clock.now().getTime() / 1000);
    const expiresAtSeconds = issuedAt + this.lifetimeSeconds;
    const id = randomUuid();
    const token = await new SignJWT({ name: account.name })
      .setProtectedHeader({ alg: "HS256", typ: "JWT" })
      .setIssuer(this.issuer)
      .setSubject(account.subject)
      .setJti(id)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAtSeconds)
      .sign(this.#key);
    const issued = {
      token,
      id,
      account,
      expiresAt: new Date(expiresAtSeconds * 1000),
      lifetimeSeconds: this.lifetimeSeconds,
    };
    this.#accessTokens.set(id, { ...issued, expiredByControl: false, family });
    return issued;
  }

  async checkAccessToken(token: string | undefined): Promise<TokenCheck> {
    if (token === undefined || token === "") return { ok: false, reason: "missing" };
    const record = this.#accessTokens.get(this.idOf(token) ?? "");
    if (record === undefined || record.token !== token) return { ok: false, reason: "unknown" };
    if (record.expiredByControl) return { ok: false, reason: "expired" };
    try {
      await jwtVerify(token, this.#key, { currentDate: this.clock.now(), issuer: this.issuer });
      return { ok: true, issued: record };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { ok: false, reason: "expired" };
      return { ok: false, reason: "unknown" };
    }
  }

  /** The `jti` of a token this issuer made, without checking its expiry. */
  idOf(token: string): string | undefined {
    try {
      const id = decodeJwt(token).jti;
      return id !== undefined && this.#accessTokens.get(id)?.token === token ? id : undefined;
    } catch {
      return undefined;
    }
  }

  /** Expires every access token issued so far; refresh tokens stay valid, as after a real expiry. */
  expireAccessTokens(): void {
    for (const record of this.#accessTokens.values()) record.expiredByControl = true;
  }

  revoke(token: string): void {
    const id = this.idOf(token);
    if (id !== undefined) this.#accessTokens.delete(id);
  }

  issueRefreshToken(account: SimulatorAccount, family: string = this.newFamily()): string {
    const token = randomUuid();
    this.#refreshTokens.set(token, { account, family });
    return token;
  }

  /**
   * Rotation: a refresh token works once, then it is spent. Under `revoke-family`, a spent one
   * presented again revokes every token of its family.
   */
  consumeRefreshToken(token: unknown): ConsumedRefreshToken {
    if (typeof token !== "string") return { kind: "unknown" };
    const record = this.#refreshTokens.get(token);
    if (record) {
      this.#refreshTokens.delete(token);
      if (this.reuse === "revoke-family") this.#rememberSpent(token, record.family);
      return { kind: "valid", ...record };
    }
    const family = this.#spent.get(token);
    if (family === undefined) return { kind: "unknown" };
    this.#revokeFamily(family);
    return { kind: "reused-family-revoked" };
  }

  #rememberSpent(token: string, family: string) {
    this.#spent.set(token, family);
    if (this.#spent.size > MAX_SPENT_REMEMBERED) {
      const oldest = this.#spent.keys().next().value;
      if (oldest !== undefined) this.#spent.delete(oldest);
    }
  }

  #revokeFamily(family: string) {
    for (const [token, record] of this.#refreshTokens) {
      if (record.family === family) this.#refreshTokens.delete(token);
    }
    for (const [id, record] of this.#accessTokens) {
      if (record.family === family) this.#accessTokens.delete(id);
    }
  }
}
