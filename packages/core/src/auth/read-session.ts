import { decodeJwt } from "jose";
import { AuthenticationError } from "../errors/AuthenticationError.js";
import type { ClientInput, TokenLocations } from "../provider/provider-description.js";
import { readResponseString } from "../provider/runtime-expression.js";
import type { StoredSession } from "./token-store.js";

export interface ReadSessionContext {
  token: TokenLocations;
  inputs: readonly ClientInput[];
  now: number;
  /** The session being renewed: its refresh token and inputs carry over when not re-sent. */
  previous?: StoredSession;
}

/**
 * Turns a sign-in or refresh response body into a session, using the description's runtime
 * expressions. Expiry comes from `expiresIn`, else `expiresAt`, else the JWT `exp` claim.
 */
export function readSession(body: unknown, context: ReadSessionContext): StoredSession {
  const accessToken = readResponseString(context.token.accessToken, body);
  if (accessToken === undefined) {
    throw new AuthenticationError(
      `The response has no access token at ${context.token.accessToken}`,
    );
  }
  const inputs: Record<string, string> = { ...context.previous?.inputs };
  for (const input of context.inputs) {
    const value = input.in === "header" ? readResponseString(input.default, body) : undefined;
    if (value !== undefined) inputs[input.name] = value;
  }
  return {
    accessToken,
    refreshToken:
      readResponseString(context.token.refreshToken, body) ?? context.previous?.refreshToken,
    expiresAt: readExpiry(body, accessToken, context),
    issuedAt: context.now,
    inputs,
  };
}

function readExpiry(body: unknown, accessToken: string, context: ReadSessionContext) {
  const expiresIn = Number(readResponseString(context.token.expiresIn, body));
  if (Number.isFinite(expiresIn)) return context.now + expiresIn * 1000;
  const expiresAt = Date.parse(readResponseString(context.token.expiresAt, body) ?? "");
  if (Number.isFinite(expiresAt)) return expiresAt;
  return readJwtExpiry(accessToken);
}

/** Read without verification: only the server checks signatures; we just plan the renewal. */
function readJwtExpiry(token: string): number | undefined {
  try {
    const { exp } = decodeJwt(token);
    return typeof exp === "number" ? exp * 1000 : undefined;
  } catch {
    return undefined; // Opaque token: expiry unknown, renewed on 401.
  }
}
