import { buildErrorBody, matcherFor } from "../responses/build-error-body.js";
import type { SimulatedRequest } from "../server/simulated-request.js";
import { readPointer } from "../spec/json-pointer.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import { signInAnswer } from "./sign-in-answer.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/**
 * Exchanges a refresh token for new tokens and rotates it: the old one is refused afterwards
 * (and, with `refreshTokenReuse: "revoke-family"`, presenting it again revokes its family).
 * Which body field carries it comes from `x-loginkit.refresh.body` (`$session.refreshToken`).
 */
export async function handleRefresh(
  context: SimulatorContext,
  operation: SpecOperation,
  request: SimulatedRequest,
): Promise<SimulatedResponse> {
  const template = context.spec.loginkit.refresh?.body ?? {};
  const field = Object.keys(template).find((key) => template[key] === "$session.refreshToken");
  const presented = field === undefined ? undefined : readPointer(request.body, `/${field}`);
  const consumed = context.tokens.consumeRefreshToken(presented);
  if (consumed.kind !== "valid") {
    if (consumed.kind === "reused-family-revoked") context.counters.revokedTokenFamilies += 1;
    const matcher =
      matcherFor(context.spec.loginkit.errors.tokenExpired, operation, 401) ??
      matcherFor(context.spec.loginkit.errors.badCredentials, operation, 401);
    return {
      status: 401,
      body: buildErrorBody(context, {
        operation,
        status: 401,
        matcher,
        message: "The refresh token is unknown, expired or was already used.",
      }),
    };
  }
  context.counters.refreshes += 1;
  return signInAnswer(context, operation, consumed.account, consumed.family);
}
