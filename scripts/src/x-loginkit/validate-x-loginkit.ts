import { Ajv } from "ajv";
import { parseJsonPointer, responseBodyPointer } from "../spec/json-pointer.js";
import type { LoadedSpec } from "../spec/load-spec.js";
import {
  listOperations,
  listParameters,
  responseSchema,
  schemaHasPointer,
} from "../spec/operations.js";
import { type SpecError, SpecErrors } from "../spec/spec-error.js";
import type { XLoginkit } from "./x-loginkit.js";
import schema from "./x-loginkit.schema.json" with { type: "json" };

const validateShape = new Ajv({ allErrors: true, strict: true }).compile(schema);

/**
 * Checks the spec's `x-loginkit` against its JSON Schema, then against the spec itself:
 * every operationId, security scheme, parameter and response pointer it names must exist.
 * Throws `SpecErrors` listing every problem with its file and line.
 */
export function validateXLoginkit(spec: LoadedSpec): XLoginkit {
  const value = spec.document["x-loginkit"];
  if (value === undefined) {
    throw new SpecErrors([
      spec.errorAt([], "the spec has no `x-loginkit` extension at its root (see specs/README.md)"),
    ]);
  }
  if (!validateShape(value)) {
    throw new SpecErrors(
      (validateShape.errors ?? []).map((error) => {
        const extra =
          error.keyword === "additionalProperties"
            ? [(error.params as { additionalProperty: string }).additionalProperty]
            : [];
        const path = ["x-loginkit", ...parseJsonPointer(error.instancePath), ...extra];
        const where = `x-loginkit${error.instancePath.replaceAll("/", ".")}`;
        const detail =
          error.keyword === "additionalProperties"
            ? `unknown property \`${(error.params as { additionalProperty: string }).additionalProperty}\``
            : error.message;
        return spec.errorAt(path, `${where}: ${detail}`);
      }),
    );
  }
  const extension = value as unknown as XLoginkit;
  const problems = crossReferenceProblems(spec, extension);
  if (problems.length > 0) throw new SpecErrors(problems);
  return extension;
}

function crossReferenceProblems(spec: LoadedSpec, extension: XLoginkit): SpecError[] {
  const { document } = spec;
  const problems: SpecError[] = [];
  const operations = new Map(
    listOperations(document).map((operation) => [operation.operationId, operation]),
  );
  const at = (path: (string | number)[], problem: string) =>
    problems.push(spec.errorAt(["x-loginkit", ...path], problem));

  const roles = ["signIn", "refresh", "signOut", "session"] as const;
  for (const role of roles) {
    const operationId = extension[role]?.operationId;
    if (operationId !== undefined && !operations.has(operationId)) {
      at(
        [role, "operationId"],
        `x-loginkit.${role}: no operation has operationId \`${operationId}\``,
      );
    }
  }
  (extension.replaySafe ?? []).forEach((operationId, index) => {
    if (!operations.has(operationId))
      at(["replaySafe", index], `x-loginkit.replaySafe: no operation \`${operationId}\``);
  });
  for (const kind of ["tokenExpired", "badCredentials"] as const) {
    extension.errors[kind].forEach((matcher, index) => {
      for (const operationId of matcher.operations ?? []) {
        if (!operations.has(operationId)) {
          at(["errors", kind, index], `x-loginkit.errors.${kind}: no operation \`${operationId}\``);
        }
      }
    });
  }

  const schemes = document.components?.securitySchemes ?? {};
  if (!(extension.securityScheme in schemes)) {
    at(
      ["securityScheme"],
      `x-loginkit.securityScheme: \`${extension.securityScheme}\` is not in components.securitySchemes`,
    );
  }

  // Token locations must exist in what the sign-in (and refresh) operation answers with 200.
  const tokenSources = [extension.signIn.operationId, extension.refresh?.operationId].filter(
    (id) => id !== undefined,
  );
  for (const operationId of tokenSources) {
    const operation = operations.get(operationId);
    if (!operation) continue;
    const success =
      responseSchema(document, operation, "200") ?? responseSchema(document, operation, "201");
    if (!success) {
      at(
        [],
        `x-loginkit: operation \`${operationId}\` has no JSON 200 response to read tokens from`,
      );
      continue;
    }
    for (const [field, expression] of Object.entries(extension.token)) {
      if (field === "refreshToken" && operationId !== extension.signIn.operationId) continue;
      const pointer = responseBodyPointer(expression) ?? "";
      if (!schemaHasPointer(document, success.schema, parseJsonPointer(pointer))) {
        at(
          ["token", field],
          `x-loginkit.token.${field}: \`${expression}\` is not a property of the 200 response of \`${operationId}\``,
        );
      }
    }
  }

  (extension.inputs ?? []).forEach((input, index) => {
    const declared = [...operations.values()].some((operation) =>
      listParameters(document, operation).some(
        (parameter) => parameter.in === input.in && parameter.name === input.name,
      ),
    );
    const inComponents = Object.values(document.components?.parameters ?? {}).some(
      (parameter) =>
        (parameter as { in?: string; name?: string }).in === input.in &&
        (parameter as { name?: string }).name === input.name,
    );
    if (!declared && !inComponents) {
      at(
        ["inputs", index, "name"],
        `x-loginkit.inputs: no ${input.in} parameter \`${input.name}\` is declared in the spec`,
      );
    }
  });
  return problems;
}
