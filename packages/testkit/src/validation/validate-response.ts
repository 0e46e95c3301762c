import { responseFor } from "../responses/example-for.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { SchemaValidator } from "./create-schema-validator.js";

/** The problems of an answer against the operation's declared response for its status. */
export function validateResponse(
  validator: SchemaValidator,
  operation: SpecOperation,
  answer: { status: number; headers: Readonly<Record<string, string>>; body: unknown },
): string[] {
  const declared = responseFor(operation, answer.status);
  if (declared === undefined) {
    return [`status ${answer.status} is not declared for ${operation.operationId}`];
  }
  const problems: string[] = [];
  for (const header of declared.headers) {
    const value = answer.headers[header.name.toLowerCase()];
    if (value === undefined) {
      if (header.required) problems.push(`header ${header.name}: is required`);
      continue;
    }
    if (header.schemaPointer !== undefined) {
      problems.push(
        ...validator.validate(header.schemaPointer, value).map((p) => `header ${header.name} ${p}`),
      );
    }
  }
  if (declared.schemaPointer === undefined) {
    if (answer.body !== undefined)
      problems.push("body: the spec declares no JSON body for this status");
  } else if (answer.body === undefined) {
    problems.push("body: is missing");
  } else {
    problems.push(...validator.validate(declared.schemaPointer, answer.body));
  }
  return problems;
}
