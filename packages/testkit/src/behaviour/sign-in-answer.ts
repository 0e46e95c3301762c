import type { SimulatorAccount } from "../accounts/simulator-account.js";
import { buildTokenBody } from "../responses/build-token-body.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/** A 200 with fresh tokens for `account`: a refresh token only if the provider has one. */
export async function signInAnswer(
  context: SimulatorContext,
  operation: SpecOperation,
  account: SimulatorAccount,
): Promise<SimulatedResponse> {
  const accessToken = await context.tokens.issueAccessToken(account);
  const refreshToken =
    context.spec.loginkit.token.refreshToken === undefined
      ? undefined
      : context.tokens.issueRefreshToken(account);
  return {
    status: 200,
    body: buildTokenBody(context, { operation, account, accessToken, refreshToken }),
  };
}
