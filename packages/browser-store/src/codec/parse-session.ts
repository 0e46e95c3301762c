import type { StoredSession } from "../coordinated-token-store.js";

const isOptionalNumber = (value: unknown) =>
  value === undefined || (typeof value === "number" && Number.isFinite(value));

/**
 * The `StoredSession` in a decoded payload, keeping only the fields core knows, or `undefined`
 * when the shape is wrong (another program's JSON under our key reads as absent, not as a session).
 */
export function parseSession(value: unknown): StoredSession | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { accessToken, refreshToken, expiresAt, issuedAt, inputs } = value as Record<
    string,
    unknown
  >;
  if (typeof accessToken !== "string" || accessToken === "") return undefined;
  if (refreshToken !== undefined && typeof refreshToken !== "string") return undefined;
  if (!isOptionalNumber(expiresAt) || !isOptionalNumber(issuedAt)) return undefined;
  if (inputs !== undefined) {
    if (typeof inputs !== "object" || inputs === null || Array.isArray(inputs)) return undefined;
    if (Object.values(inputs).some((input) => typeof input !== "string")) return undefined;
  }
  return {
    accessToken,
    ...(refreshToken === undefined ? {} : { refreshToken }),
    ...(expiresAt === undefined ? {} : { expiresAt: expiresAt as number }),
    ...(issuedAt === undefined ? {} : { issuedAt: issuedAt as number }),
    ...(inputs === undefined ? {} : { inputs: inputs as Record<string, string> }),
  };
}
