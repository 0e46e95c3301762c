import { responseFor } from "../responses/example-for.js";
import { readPointer } from "../spec/json-pointer.js";
import type { ErrorMatcher } from "../spec/read-x-loginkit.js";
import { responseBodyPointer } from "../spec/runtime-expression.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import type { SchemaValidator } from "../validation/create-schema-validator.js";
import type { DriftFinding, ReceivedAnswer } from "./drift-finding.js";

/** What in an answer breaks the operation's declared response: status, headers, body fields. */
export function findDrift(
  validator: SchemaValidator,
  operation: SpecOperation,
  answer: ReceivedAnswer,
  tokenPointer?: string,
): DriftFinding[] {
  const declared = responseFor(operation, answer.status);
  if (declared === undefined) {
    return [
      {
        field: "status",
        expected: `one of ${[...operation.responses.keys()].join(", ")}`,
        got: answer.status,
        missing: false,
      },
    ];
  }
  const findings: DriftFinding[] = [];
  for (const header of declared.headers) {
    const value = headerValue(answer.headers, header.name);
    if (value === undefined) {
      if (header.required)
        findings.push({
          field: `header ${header.name}`,
          expected: "present (required)",
          got: undefined,
          missing: true,
        });
    } else if (header.schemaPointer !== undefined) {
      for (const problem of validator.explain(header.schemaPointer, value))
        findings.push({ ...problem, field: `header ${header.name}` });
    }
  }
  if (declared.schemaPointer === undefined) return findings;
  if (answer.body === undefined) {
    findings.push({ field: "body", expected: "a JSON body", got: undefined, missing: true });
    return findings;
  }
  if (
    typeof answer.body === "string" &&
    !schemaAcceptsText(answer.body, declared.schemaPointer, validator)
  ) {
    findings.push({ field: "body", expected: "JSON", got: answer.body, missing: false });
    return findings;
  }
  findings.push(...validator.explain(declared.schemaPointer, answer.body));
  // A 2xx sign-in must carry the token where x-loginkit says, even if the schema forgot to require it.
  const pointer = responseBodyPointer(tokenPointer);
  if (pointer !== undefined && answer.status < 300) {
    const field = pointer.slice(1).replaceAll("/", ".");
    const token = readPointer(answer.body, pointer);
    if ((typeof token !== "string" || token === "") && !findings.some((f) => f.field === field))
      findings.push({
        field,
        expected: "the access token (x-loginkit token.accessToken)",
        got: token,
        missing: token === undefined,
      });
  }
  return findings;
}

/** Whether an answer to `operation` is the refusal x-loginkit describes for bad credentials. */
export function findRefusalDrift(
  matchers: readonly ErrorMatcher[],
  operation: SpecOperation,
  answer: ReceivedAnswer,
): DriftFinding[] {
  const applicable = matchers.filter(
    (matcher) =>
      matcher.operations === undefined || matcher.operations.includes(operation.operationId),
  );
  if (applicable.length === 0) {
    return answer.status >= 400 && answer.status < 500
      ? []
      : [{ field: "status", expected: "a 4xx refusal", got: answer.status, missing: false }];
  }
  const hit = applicable.find((matcher) => matcher.status === answer.status);
  if (hit === undefined) {
    return [
      {
        field: "status",
        expected: `${applicable.map((matcher) => matcher.status).join(" or ")} (x-loginkit errors.badCredentials)`,
        got: answer.status,
        missing: false,
      },
    ];
  }
  if (hit.pointer === undefined || hit.values === undefined) return [];
  const value = readPointer(answer.body, hit.pointer);
  if (typeof value === "string" && hit.values.includes(value)) return [];
  return [
    {
      field: hit.pointer.slice(1).replaceAll("/", "."),
      expected: `one of ${hit.values.join(", ")} (x-loginkit errors.badCredentials)`,
      got: value,
      missing: value === undefined,
    },
  ];
}

function headerValue(headers: ReceivedAnswer["headers"], name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const lower = name.toLowerCase();
  return Object.entries(headers).find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** A text body is only fine when the schema is a string: otherwise the answer was not JSON. */
function schemaAcceptsText(body: string, pointer: string, validator: SchemaValidator): boolean {
  return validator.validate(pointer, body).length === 0;
}
