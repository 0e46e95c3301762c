/**
 * Whether an operation needs a token, from its effective `security` (its own, else the
 * document's). OpenAPI: any one listed requirement suffices, and `{}` is the empty requirement
 * (anonymous allowed). So:
 * - `[]`, no `security` anywhere, or only `{}`: `none`;
 * - `{}` beside a scheme (`[{}, {bearer: []}]`): `optional`, the call works without a token;
 * - schemes only: `required`.
 * The client signs in only for `required` calls, and the simulator refuses only those without a
 * token: an optional call never makes a client sign in, and never fails without one.
 */
export type TokenRequirement = "none" | "optional" | "required";

export interface SecurityRequirement {
  readonly token: TokenRequirement;
  /** Every scheme name any requirement lists, in order, without repeats. */
  readonly schemes: readonly string[];
}

export function readSecurityRequirement(
  operationSecurity: unknown,
  documentSecurity: unknown,
): SecurityRequirement {
  const effective = operationSecurity === undefined ? documentSecurity : operationSecurity;
  const requirements = Array.isArray(effective) ? effective : [];
  const schemes = [
    ...new Set(requirements.flatMap((requirement) => Object.keys(requirement ?? {}))),
  ];
  const allowsAnonymous = requirements.some(
    (requirement) => Object.keys(requirement ?? {}).length === 0,
  );
  const token: TokenRequirement =
    schemes.length === 0 ? "none" : allowsAnonymous ? "optional" : "required";
  return { token, schemes };
}

/** True when a call must carry a token: the one question every tool asks of `security`. */
export function needsToken(operationSecurity: unknown, documentSecurity: unknown): boolean {
  return readSecurityRequirement(operationSecurity, documentSecurity).token === "required";
}
