import { buildTokenBody } from "../responses/build-token-body.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { IssuedAccessToken } from "../tokens/token-issuer.js";
import { answerSuccess } from "./answer-success.js";
import { successOf } from "./classify-operations.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

/** "Who am I": the sign-in payload of the token's user, carrying the token it was asked with. */
export function handleSession(
  context: SimulatorContext,
  operation: SpecOperation,
  token: IssuedAccessToken,
): SimulatedResponse {
  if (successOf(operation)?.schemaTarget !== context.roles.signInSchemaTarget)
    return answerSuccess(operation);
  return {
    status: 200,
    body: buildTokenBody(context, { operation, account: token.account, accessToken: token }),
  };
}
