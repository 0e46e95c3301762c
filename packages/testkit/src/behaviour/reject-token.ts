import { buildErrorBody, matcherFor } from "../responses/build-error-body.js";
import { responseFor } from "../responses/example-for.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { TokenCheck } from "../tokens/token-issuer.js";
import type { SimulatedResponse, SimulatorContext } from "./simulator-context.js";

const REASONS = {
  missing: "No access token was sent.",
  unknown: "The access token is unknown or was revoked.",
  expired: "The access token has expired.",
} as const;

/**
 * The 401 for a protected call without a current token: shaped by `x-loginkit.errors.tokenExpired`
 * where the provider has a body signal (so clients refresh), else the spec's own 401 example.
 * `operation` may be an out-of-spec endpoint's stand-in: then a 401 is borrowed from the spec.
 */
export function rejectToken(
  context: SimulatorContext,
  operation: SpecOperation | undefined,
  check: Extract<TokenCheck, { ok: false }>,
): SimulatedResponse {
  const template =
    operation !== undefined && responseFor(operation, 401) ? operation : borrow401(context);
  if (template === undefined) return { status: 401, body: { message: REASONS[check.reason] } };
  const matcher = matcherFor(context.spec.loginkit.errors.tokenExpired, template, 401);
  return {
    status: 401,
    body: buildErrorBody(context, {
      operation: template,
      status: 401,
      matcher,
      message: REASONS[check.reason],
    }),
    validateAs: template,
  };
}

/** A 401 the spec declares, from a protected operation when there is one. */
function borrow401(context: SimulatorContext): SpecOperation | undefined {
  const with401 = context.operations.filter(
    (operation) => responseFor(operation, 401) !== undefined,
  );
  return with401.find((operation) => operation.securitySchemes.length > 0) ?? with401[0];
}
