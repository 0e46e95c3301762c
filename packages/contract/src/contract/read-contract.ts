import {
  indexOperations,
  listOperations,
  requestContent,
  type SpecOperation,
} from "../spec/operations.js";
import { findExternalReferences, type LoadedSpec } from "../spec/parse-spec.js";
import { type SpecError, SpecErrors } from "../spec/spec-error.js";
import { findCrossReferenceProblems } from "../x-loginkit/cross-check.js";
import { findShapeProblems } from "../x-loginkit/validate-shape.js";
import type { XLoginkit } from "../x-loginkit/x-loginkit.js";
import { findAccountFields } from "./account-fields.js";
import { type CredentialsSchema, reduceCredentialsSchema } from "./credentials-schema.js";
import { describeProvider } from "./describe-provider.js";

/** What a spec promises loginkit, validated: every tool reads a spec through this. */
export interface Contract {
  readonly spec: LoadedSpec;
  readonly extension: XLoginkit;
  /** Every operation, in document order. */
  readonly operations: readonly SpecOperation[];
  /** The operation with this operationId; throws for an unknown one (x-loginkit's are checked). */
  operation(operationId: string): SpecOperation;
  /** `@loginkit/core`'s `ProviderDescription` for this spec, as plain data. */
  readonly provider: Record<string, unknown>;
  /** The sign-in request body's schema, reduced to the subset a client checks credentials with. */
  readonly credentialsSchema: CredentialsSchema;
  /** The credentials' fields that name the account (never secrets), sorted. */
  readonly accountFields: readonly string[];
}

/**
 * Every problem of a spec's contract: `$ref`s out of the file, the shape of `x-loginkit`, then
 * (when the shape is right) every name and pointer in it checked against the spec.
 */
export function findContractProblems(spec: LoadedSpec): SpecError[] {
  const shape = [...findExternalReferences(spec), ...findShapeProblems(spec)];
  if (shape.length > 0) return shape;
  return findCrossReferenceProblems(spec, spec.document["x-loginkit"] as XLoginkit);
}

/**
 * Validates a spec's contract and reads it. `id` is the provider id (the spec's file name
 * without extension). Throws `SpecErrors` listing every problem with its file and line.
 */
export function readContract(spec: LoadedSpec, id: string): Contract {
  const problems = findContractProblems(spec);
  if (problems.length > 0) throw new SpecErrors(problems);
  const extension = spec.document["x-loginkit"] as XLoginkit;
  const operations = listOperations(spec.document);
  const byId = indexOperations(operations);
  const operation = (operationId: string) => {
    const found = byId.get(operationId);
    if (!found) throw spec.errorAt(["paths"], `no operation has operationId \`${operationId}\``);
    return found;
  };
  const signInBody = requestContent(spec.document, operation(extension.signIn.operationId));
  const credentialsSchema = reduceCredentialsSchema(spec.document, signInBody?.schema);
  return {
    spec,
    extension,
    operations,
    operation,
    provider: describeProvider(id, spec, extension, operations),
    credentialsSchema,
    accountFields: findAccountFields(credentialsSchema),
  };
}
