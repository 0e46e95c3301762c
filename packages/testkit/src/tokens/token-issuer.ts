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

/** Issues HS256 JWT access tokens and rotating refresh tokens, and remembers both. */
export class TokenIssuer {
  readonly #key: Uint8Array;
  readonly #accessTokens = new Map<string, IssuedAccessToken & { expiredByControl: boolean }>();
  readonly #refreshTokens = new Map<string, SimulatorAccount>();

  constructor(
    private readonly clock: SimulatorClock,
    private readonly lifetimeSeconds: number,
    private readonly issuer: string,
    secret?: string,
  ) {
    this.#key = secret === undefined ? randomBytes(32) : new TextEncoder().encode(secret);
  }

  async issueAccessToken(account: SimulatorAccount): Promise<IssuedAccessToken> {
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
    this.#accessTokens.set(id, { ...issued, expiredByControl: false });
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

  issueRefreshToken(account: SimulatorAccount): string {
    const token = randomUuid();
    this.#refreshTokens.set(token, account);
    return token;
  }

  /** Rotation: a refresh token works once, then it is forgotten. */
  consumeRefreshToken(token: unknown): SimulatorAccount | undefined {
    if (typeof token !== "string") return undefined;
    const account = this.#refreshTokens.get(token);
    this.#refreshTokens.delete(token);
    return account;
  }
}
