import type { SimulatorAccount } from "../accounts/simulator-account.js";
import { buildTokenBody } from "../responses/build-token-body.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/** A 200 with fresh tokens for `account`: a refresh token only if the provider has one. */
export async function signInAnswer(
  context: SimulatorContext,
  operation: SpecOperation,
  account: SimulatorAccount,
  /** The token family a refresh continues; a sign-in starts a new one. */
  family: string = context.tokens.newFamily(),
): Promise<SimulatedResponse> {
  const accessToken = await context.tokens.issueAccessToken(account, family);
  const refreshToken =
    context.spec.loginkit.token.refreshToken === undefined
      ? undefined
      : context.tokens.issueRefreshToken(account, family);
  return {
    status: 200,
    body: buildTokenBody(context, { operation, account, accessToken, refreshToken }),
  };
}
