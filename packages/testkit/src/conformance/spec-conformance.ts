import { isSecretField, matchOperation } from "@loginkit/contract/rules";
import { classifyOperations } from "../behaviour/classify-operations.js";
import { TestkitError } from "../errors/TestkitError.js";
import { loadSource } from "../node/create-node-simulator.js";
import { sharedValidator } from "../simulator/shared-validator.js";
import type { ProviderSource } from "../simulator.js";
import { readPointer } from "../spec/json-pointer.js";
import { readOperations } from "../spec/read-operations.js";
import { responseBodyPointer } from "../spec/runtime-expression.js";
import type { CredentialForm } from "./credential-form.js";
import type { DriftFinding, ReceivedAnswer } from "./drift-finding.js";
import { findDrift, findRefusalDrift } from "./find-drift.js";
import { readCredentialForms } from "./read-credential-forms.js";

/**
 * A spec as a yardstick for a real provider's answers: what `loginkit check` measures a live or
 * staging deployment with. Nothing here sends a request.
 */
export interface SpecConformance {
  readonly provider: string;
  readonly specPath: string;
  readonly operationIds: {
    readonly signIn: string;
    readonly refresh?: string;
    readonly session?: string;
    readonly signOut?: string;
  };
  /** `x-loginkit.token`: runtime expressions of the token fields, whose values are secrets. */
  readonly tokenFields: readonly string[];
  /** The shapes of sign-in credentials the spec accepts. */
  readonly credentialForms: readonly CredentialForm[];
  /** The operationId a request is for (path relative to the base URL), if any. */
  operationAt(method: string, path: string): string | undefined;
  /** What in an answer to the operation breaks the spec (status, headers, body); empty: conforms. */
  findDrift(operationId: string, answer: ReceivedAnswer): DriftFinding[];
  /** What in an answer to refused credentials differs from `x-loginkit.errors.badCredentials`. */
  findRefusalDrift(operationId: string, answer: ReceivedAnswer): DriftFinding[];
  /** The token values an answer body carries where `x-loginkit.token` points: never show them. */
  tokensIn(body: unknown): string[];
  /** The credentials with every secret field made wrong, the rest kept: valid input, bad secret. */
  wrongCredentials<T extends Readonly<Record<string, unknown>>>(credentials: T): T;
}

/** Reads a spec (a shipped provider id, `{ specPath }` or `{ specText, id }`) for checking answers. */
export function loadSpecConformance(source: ProviderSource): SpecConformance {
  const spec = loadSource(source);
  const operations = readOperations(spec.document);
  const roles = classifyOperations(spec, operations);
  const validator = sharedValidator(spec);
  const operationOf = (operationId: string) => {
    const operation = operations.find((candidate) => candidate.operationId === operationId);
    if (operation === undefined)
      throw new TestkitError(`${spec.id} has no operation "${operationId}"`);
    return operation;
  };
  const { token } = spec.loginkit;
  return {
    provider: spec.id,
    specPath: spec.path,
    operationIds: {
      signIn: roles.signIn.operationId,
      refresh: roles.refresh?.operationId,
      session: roles.session?.operationId,
      signOut: roles.signOut?.operationId,
    },
    tokenFields: [token.accessToken, token.refreshToken].filter(
      (field): field is string => field !== undefined,
    ),
    credentialForms: readCredentialForms(spec.document, roles.signIn),
    operationAt(method, path) {
      const route = matchOperation(operations, method.toUpperCase(), path);
      return route.kind === "operation" ? route.operation.operationId : undefined;
    },
    findDrift(operationId, answer) {
      const operation = operationOf(operationId);
      const signsIn =
        operation === roles.signIn || operation === roles.refresh ? token.accessToken : undefined;
      return findDrift(validator, operation, answer, signsIn);
    },
    findRefusalDrift(operationId, answer) {
      return findRefusalDrift(
        spec.loginkit.errors.badCredentials,
        operationOf(operationId),
        answer,
      );
    },
    tokensIn(body) {
      return [token.accessToken, token.refreshToken].flatMap((field) => {
        const pointer = responseBodyPointer(field);
        const value = pointer === undefined ? undefined : readPointer(body, pointer);
        return typeof value === "string" && value !== "" ? [value] : [];
      });
    },
    wrongCredentials(credentials) {
      return Object.fromEntries(
        Object.entries(credentials).map(([field, value]) => [
          field,
          isSecretField(field) && typeof value === "string" ? `${value}-wrong` : value,
        ]),
      ) as typeof credentials;
    },
  };
}
