import { sha256Hex } from "../random/sha256-hex.js";
import type { SimulatedRequest } from "../server/simulated-request.js";
import { readPresentedToken, secretHeaderNames } from "./read-presented-token.js";
import { rejectToken } from "./reject-token.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/** Out-of-spec endpoints for end-to-end checks of a client's token handling. */
export const LOGINKIT_PREFIX = "/__loginkit/";

export function isLoginkitEndpoint(method: string, path: string): boolean {
  return (
    (path === `${LOGINKIT_PREFIX}protected` && method === "GET") ||
    path === `${LOGINKIT_PREFIX}echo`
  );
}

/**
 * Needs a current token, like a protected operation (same 401s), and answers who it belongs to
 * and the headers it saw. Secrets are never echoed: the token is named by its `jti` and a hash.
 */
export async function handleLoginkitEndpoint(
  context: SimulatorContext,
  request: SimulatedRequest,
  requestsWithToken: (tokenId: string) => number,
): Promise<SimulatedResponse> {
  const token = readPresentedToken(context, request);
  const check = await context.tokens.checkAccessToken(token);
  if (!check.ok) return rejectToken(context, undefined, check);
  const secrets = secretHeaderNames(context);
  const headers = Object.fromEntries(
    await Promise.all(
      Object.entries(request.headers).map(async ([name, value]) => [
        name,
        secrets.has(name) ? `sha256:${(await sha256Hex(value)).slice(0, 16)}` : value,
      ]),
    ),
  );
  return {
    status: 200,
    outOfSpec: true,
    body: {
      subject: check.issued.account.subject,
      account: check.issued.account.name,
      tokenId: check.issued.id,
      tokenExpiresAt: check.issued.expiresAt.toISOString(),
      method: request.method,
      path: request.path,
      headers,
      requestsWithToken: requestsWithToken(check.issued.id),
      ...(request.rawBody === "" ? {} : { body: request.rawBody }),
    },
  };
}
