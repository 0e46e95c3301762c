import type { SimulatedRequest } from "../server/simulated-request.js";
import type { SpecOperation, SpecParameter } from "../spec/spec-operation.js";
import type { SchemaValidator } from "./create-schema-validator.js";

/**
 * Checks a request against its operation: parameters (path, query, header, cookie) and the JSON
 * body. Sets `request.body` to the parsed body. Returns the problems as `field: message`.
 */
export function validateRequest(
  validator: SchemaValidator,
  operation: SpecOperation,
  request: SimulatedRequest,
): string[] {
  const problems = operation.parameters.flatMap((parameter) =>
    validateParameter(validator, parameter, parameterValue(parameter, request)),
  );
  const declared = operation.requestBody;
  if (declared === undefined) return problems;
  if (request.rawBody === "") {
    return declared.required ? [...problems, "body: is required"] : problems;
  }
  const contentType = String(request.headers["content-type"] ?? "");
  if (!/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    return [
      ...problems,
      `body: must be sent as application/json, not "${contentType || "no content type"}"`,
    ];
  }
  try {
    request.body = JSON.parse(request.rawBody);
  } catch {
    return [...problems, "body: is not valid JSON"];
  }
  if (declared.schemaPointer === undefined) return problems;
  return [...problems, ...validator.validate(declared.schemaPointer, request.body)];
}

function parameterValue(parameter: SpecParameter, request: SimulatedRequest): string | undefined {
  switch (parameter.in) {
    case "path":
      return request.pathParameters[parameter.name];
    case "query":
      return request.query.get(parameter.name) ?? undefined;
    case "cookie":
      return request.cookies[parameter.name];
    case "header":
      return request.headers[parameter.name.toLowerCase()];
  }
}

function validateParameter(
  validator: SchemaValidator,
  parameter: SpecParameter,
  value: string | undefined,
): string[] {
  if (value === undefined) {
    return parameter.required
      ? [`${parameter.name}: required ${parameter.in} parameter is missing`]
      : [];
  }
  if (parameter.schemaPointer === undefined) return [];
  const asString = validator.validate(parameter.schemaPointer, value);
  if (asString.length === 0) return [];
  // Parameters travel as text: `42` may be meant as the integer a schema asks for.
  const asJson = parseJson(value);
  if (asJson !== undefined && validator.validate(parameter.schemaPointer, asJson).length === 0)
    return [];
  return asString.map((problem) => problem.replace(/^body/, parameter.name));
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}
