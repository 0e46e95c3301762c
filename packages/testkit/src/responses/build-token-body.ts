import type { SimulatorAccount } from "../accounts/simulator-account.js";
import type { SimulatorContext } from "../behaviour/simulator-context.js";
import { readPointer, writePointer } from "../spec/json-pointer.js";
import { responseBodyPointer } from "../spec/runtime-expression.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { IssuedAccessToken } from "../tokens/token-issuer.js";
import { exampleFor } from "./example-for.js";
import { mergeDeep, replaceStrings } from "./replace-strings.js";

export interface TokenBodyRequest {
  readonly operation: SpecOperation;
  readonly account: SimulatorAccount;
  readonly accessToken: IssuedAccessToken;
  readonly refreshToken?: string;
}

/**
 * A 200 answer carrying tokens: the spec's example, with the tokens and expiry written where
 * `x-loginkit.token` points. Example strings equal to the example's token, expiry or account
 * identifier are replaced everywhere, because providers repeat them (Vero's `jwt` is also
 * `session.tokenized`; org-platform's `jwt_token` equals `access_token`).
 */
export function buildTokenBody(context: SimulatorContext, request: TokenBodyRequest): unknown {
  const { operation, account, accessToken, refreshToken } = request;
  const example = exampleFor(operation, 200) ?? {};
  const pointers = context.spec.loginkit.token;
  const accessPointer = responseBodyPointer(pointers.accessToken);
  const refreshPointer = responseBodyPointer(pointers.refreshToken);
  const expiresInPointer = responseBodyPointer(pointers.expiresIn);
  const expiresAtPointer = responseBodyPointer(pointers.expiresAt);
  const expiresAt = accessToken.expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z");

  const replacements = new Map<unknown, unknown>();
  const replaceExampleValue = (pointer: string | undefined, value: unknown) => {
    const old = pointer === undefined ? undefined : readPointer(example, pointer);
    if (typeof old === "string") replacements.set(old, value);
  };
  replaceExampleValue(accessPointer, accessToken.token);
  if (refreshToken !== undefined) replaceExampleValue(refreshPointer, refreshToken);
  replaceExampleValue(expiresAtPointer, expiresAt);
  const exampleCredentials = context.roles.signIn.requestBody?.examples[0];
  for (const [field, value] of Object.entries(account.credentials)) {
    const exampleValue = readPointer(exampleCredentials, `/${field}`);
    if (typeof exampleValue === "string" && exampleValue !== value)
      replacements.set(exampleValue, value);
  }

  const body = replaceStrings(example, replacements) as Record<string, unknown>;
  // Write a field the example shows, or any field on sign-in itself (x-loginkit points into its
  // answer); a refresh answer that shows no expiry must not gain one its schema may forbid.
  const write = (pointer: string | undefined, value: unknown) => {
    if (pointer === undefined || value === undefined) return;
    if (readPointer(example, pointer) !== undefined || operation === context.roles.signIn) {
      writePointer(body, pointer, value);
    }
  };
  write(accessPointer, accessToken.token);
  write(refreshPointer, refreshToken);
  write(expiresInPointer, accessToken.lifetimeSeconds);
  write(expiresAtPointer, expiresAt);
  return account.profile === undefined ? body : mergeDeep(body, account.profile);
}
