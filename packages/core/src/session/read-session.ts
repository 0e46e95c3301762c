import { ProtocolError } from "../errors/ProtocolError.js";
import type { ClientInput, TokenLocations } from "../provider/provider-description.js";
import type { JwtClaims } from "../provider/provider-features.js";
import { readResponseString } from "../provider/runtime-expression.js";
import { isHeaderToken, isHeaderValue } from "../utils/header-value.js";
import type { StoredSession } from "./token-store.js";

/** Expiries further ahead than this are read as unknown: no real session is planned that far. */
const MAX_LIFETIME_MS = 366 * 24 * 3_600_000;

export interface ReadSessionContext {
  token: TokenLocations;
  inputs: readonly ClientInput[];
  /** Local time the answer arrived (epoch ms). */
  now: number;
  /** The answer's `Date` header (epoch ms), when it has one: the server's clock at that moment. */
  serverNow?: number;
  /** The session being renewed: its refresh token and inputs carry over when not re-sent. */
  previous?: StoredSession;
  /** Reads a JWT's claims, for answers that name no expiry; without it such a token's expiry is unknown. */
  readJwtClaims?: (token: string) => JwtClaims;
}

/**
 * Turns a sign-in or refresh response body into a session, using the description's runtime
 * expressions. Expiry comes from `expiresIn`, else `expiresAt`, else the JWT `exp` claim, and is
 * placed on the local clock: a server whose clock runs behind must not make every call renew.
 */
export function readSession(body: unknown, context: ReadSessionContext): StoredSession {
  const accessToken = readResponseString(context.token.accessToken, body);
  if (accessToken === undefined) {
    throw new ProtocolError(`The answer has no access token at ${context.token.accessToken}`);
  }
  if (!isHeaderToken(accessToken)) {
    // The token itself stays out of the message: it is a secret even when malformed.
    throw new ProtocolError(
      `The access token at ${context.token.accessToken} cannot be sent in a header (it has spaces or control characters)`,
    );
  }
  const inputs: Record<string, string> = { ...context.previous?.inputs };
  for (const input of context.inputs) {
    const value = input.in === "header" ? readResponseString(input.default, body) : undefined;
    if (value === undefined) continue;
    // Checked here, where it is read, so a bad value fails once with its name instead of every
    // later request failing with a platform error that quotes it.
    if (!isHeaderValue(value)) {
      throw new ProtocolError(
        `The ${input.name} at ${input.default} cannot be sent in a header (it has control characters or characters past Latin-1)`,
      );
    }
    inputs[input.name] = value;
  }
  const expiresAt = readExpiry(body, accessToken, context);
  return {
    accessToken,
    refreshToken:
      readResponseString(context.token.refreshToken, body) ?? context.previous?.refreshToken,
    // An expiry already past on our clock says nothing usable: treat it as unknown (renew on
    // 401) rather than signing in again before every request. One more than a year ahead (or
    // not finite: `expires_in: 1e308`) is unknown too, so a store only ever holds finite times.
    expiresAt:
      expiresAt !== undefined &&
      expiresAt > context.now &&
      expiresAt <= context.now + MAX_LIFETIME_MS
        ? expiresAt
        : undefined,
    issuedAt: context.now,
    inputs,
  };
}

function readExpiry(body: unknown, accessToken: string, context: ReadSessionContext) {
  const expiresIn = Number(readResponseString(context.token.expiresIn, body));
  if (Number.isFinite(expiresIn)) return context.now + expiresIn * 1000;
  const expiresAt = parseInstant(readResponseString(context.token.expiresAt, body));
  if (expiresAt !== undefined) return toLocalClock(expiresAt, context);
  return readJwtExpiry(accessToken, context);
}

/** An RFC 3339 date-time, or epoch seconds / milliseconds as some providers send. */
function parseInstant(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) {
    const number = Number(value);
    return number < 1e12 ? number * 1000 : number;
  }
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/** A server-clock instant, moved onto ours by the difference the `Date` header shows. */
function toLocalClock(serverInstant: number, context: ReadSessionContext): number {
  return context.serverNow === undefined
    ? serverInstant
    : context.now + (serverInstant - context.serverNow);
}

/** Read without verification: only the server checks signatures; we just plan the renewal. */
function readJwtExpiry(token: string, context: ReadSessionContext): number | undefined {
  if (!context.readJwtClaims) return undefined;
  try {
    const { exp, iat } = context.readJwtClaims(token);
    if (typeof exp !== "number") return undefined;
    // `exp - iat` is the lifetime the issuer meant, whatever its clock says now.
    if (typeof iat === "number" && exp > iat) return context.now + (exp - iat) * 1000;
    return toLocalClock(exp * 1000, context);
  } catch {
    return undefined; // Opaque token: expiry unknown, renewed on 401.
  }
}
