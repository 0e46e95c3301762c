import { ProtocolError } from "../errors/ProtocolError.js";
import { isHeaderToken, isHeaderValue } from "../utils/header-value.js";
import type { StoredSession } from "./token-store.js";

/**
 * The longest header value a stored session may put on a request, in characters: nginx's and
 * most proxies' default limit for one header line is 8 KiB, and a longer token makes every call
 * fail with a closed connection or a 431 (never a 401, so it would never be replaced).
 */
export const MAX_STORED_HEADER_CHARS = 8_000;
/** The longest stored refresh token, in characters (it goes in a body: more room, still bounded). */
const MAX_STORED_REFRESH_CHARS = 65_536;

/**
 * Checks what a token store handed back before it is used: a store is outside core's control
 * (another process, another version, a JSON round trip), and a token that cannot go in a header
 * would otherwise fail every request. Throws a `ProtocolError` that names the field, never its
 * value. Expiry times that are not finite numbers (a JSON store turns `Infinity` into `null`)
 * are read as unknown.
 */
export function readStoredSession(value: unknown): StoredSession {
  if (typeof value !== "object" || value === null) throw invalid("session", "is not an object");
  const { accessToken, refreshToken, expiresAt, issuedAt, inputs } = value as Record<
    string,
    unknown
  >;
  if (!isHeaderToken(accessToken)) throw invalid("accessToken", "cannot be sent in a header");
  if (accessToken.length > MAX_STORED_HEADER_CHARS) {
    throw invalid(
      "accessToken",
      `is longer than a provider accepts (${MAX_STORED_HEADER_CHARS} characters)`,
    );
  }
  if (refreshToken != null && typeof refreshToken !== "string") {
    throw invalid("refreshToken", "is not a string");
  }
  if (refreshToken != null && refreshToken.length > MAX_STORED_REFRESH_CHARS) {
    throw invalid("refreshToken", `is longer than ${MAX_STORED_REFRESH_CHARS} characters`);
  }
  const checkedInputs: Record<string, string> = {};
  if (inputs != null) {
    if (typeof inputs !== "object" || Array.isArray(inputs)) {
      throw invalid("inputs", "is not an object");
    }
    for (const [name, input] of Object.entries(inputs)) {
      if (!isHeaderValue(input) || input.length > MAX_STORED_HEADER_CHARS) {
        throw invalid(`inputs.${name}`, "cannot be sent in a header");
      }
      checkedInputs[name] = input;
    }
  }
  const expires = readInstant(expiresAt);
  const issued = readInstant(issuedAt);
  // Absent fields stay absent, so a session read back equals the one written.
  return {
    accessToken,
    ...(refreshToken == null ? {} : { refreshToken }),
    ...(expires === undefined ? {} : { expiresAt: expires }),
    ...(issued === undefined ? {} : { issuedAt: issued }),
    ...(inputs == null ? {} : { inputs: checkedInputs }),
  };
}

/**
 * For token stores: the session in a decoded value, checked as core checks what a store hands
 * back, or `undefined` when it is not one (another program's JSON under the key reads as absent).
 */
export function parseStoredSession(value: unknown): StoredSession | undefined {
  try {
    return readStoredSession(value);
  } catch {
    return undefined;
  }
}

function readInstant(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

function invalid(field: string, problem: string) {
  return new ProtocolError(`The stored session's ${field} ${problem}`);
}
