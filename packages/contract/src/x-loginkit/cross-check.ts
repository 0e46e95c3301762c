import { isSameParameterName } from "../rules/header-name.js";
import { parseJsonPointer } from "../rules/json-pointer.js";
import { responseBodyPointer, sessionFieldOf } from "../rules/runtime-expression.js";
import type { DocumentPath } from "../spec/openapi-document.js";
import {
  indexOperations,
  listDeclaredParameters,
  listOperations,
  listParameters,
  requestContent,
  responseContent,
  responseHeaders,
  type SpecOperation,
  schemaHasPointer,
} from "../spec/operations.js";
import type { LoadedSpec } from "../spec/parse-spec.js";
import { dereference } from "../spec/resolve-reference.js";
import type { SpecError } from "../spec/spec-error.js";
import type { XLoginkit } from "./x-loginkit.js";

/** Everything a checker needs, worked out once. */
interface CheckContext {
  readonly spec: LoadedSpec;
  readonly extension: XLoginkit;
  readonly operations: ReadonlyMap<string, SpecOperation>;
  report(path: DocumentPath, problem: string): void;
}

/**
 * Checks `x-loginkit` (already of the right shape) against the spec itself: every operation,
 * scheme, parameter, cookie and pointer it names must exist where it says. Returns every problem.
 */
export function findCrossReferenceProblems(spec: LoadedSpec, extension: XLoginkit): SpecError[] {
  const problems: SpecError[] = [];
  const context: CheckContext = {
    spec,
    extension,
    operations: indexOperations(listOperations(spec.document)),
    report: (path, problem) => problems.push(spec.errorAt(["x-loginkit", ...path], problem)),
  };
  for (const check of [
    checkOperationReferences,
    checkSecurityScheme,
    checkSignIn,
    checkTokens,
    checkRefreshBody,
    checkErrorMatchers,
    checkInputs,
    checkCookieFlow,
  ]) {
    check(context);
  }
  return problems;
}

function operationReferences(extension: XLoginkit): [DocumentPath, string][] {
  const references: [DocumentPath, string][] = [];
  for (const role of ["signIn", "refresh", "signOut", "session"] as const) {
    const operationId = extension[role]?.operationId;
    if (operationId !== undefined) references.push([[role, "operationId"], operationId]);
  }
  for (const step of ["start", "verify", "finish"] as const) {
    const operationId = extension.cookieFlow?.[step]?.operationId;
    if (operationId !== undefined)
      references.push([["cookieFlow", step, "operationId"], operationId]);
  }
  (extension.replaySafe ?? []).forEach((operationId, index) => {
    references.push([["replaySafe", index], operationId]);
  });
  for (const kind of ["tokenExpired", "badCredentials"] as const) {
    extension.errors[kind].forEach((matcher, index) => {
      (matcher.operations ?? []).forEach((operationId, position) => {
        references.push([["errors", kind, index, "operations", position], operationId]);
      });
    });
  }
  return references;
}

function checkOperationReferences({ extension, operations, report }: CheckContext): void {
  for (const [path, operationId] of operationReferences(extension)) {
    const named = path.at(-1) === "operationId" ? path.slice(0, -1) : path;
    if (!operations.has(operationId))
      report(
        path,
        `x-loginkit.${named.join(".")}: no operation has operationId \`${operationId}\``,
      );
  }
}

function checkSecurityScheme({ spec, extension, report }: CheckContext): void {
  const schemes = spec.document.components?.securitySchemes ?? {};
  const name = extension.securityScheme;
  if (!Object.hasOwn(schemes, name)) {
    report(
      ["securityScheme"],
      `x-loginkit.securityScheme: \`${name}\` is not in components.securitySchemes`,
    );
    return;
  }
  const scheme = dereference(spec.document, schemes[name]) ?? {};
  const bearer = scheme.type === "http" && String(scheme.scheme).toLowerCase() === "bearer";
  const apiKeyHeader =
    scheme.type === "apiKey" && scheme.in === "header" && typeof scheme.name === "string";
  if (!bearer && !apiKeyHeader) {
    report(
      ["securityScheme"],
      `x-loginkit.securityScheme: \`${name}\` is not supported: use http bearer or an apiKey header`,
    );
  }
}

function checkSignIn({ spec, extension, operations, report }: CheckContext): void {
  const signIn = operations.get(extension.signIn.operationId);
  if (signIn && !requestContent(spec.document, signIn)) {
    report(
      ["signIn", "operationId"],
      `x-loginkit.signIn: \`${signIn.operationId}\` has no JSON request body for the credentials`,
    );
  }
  const session = extension.session && operations.get(extension.session.operationId);
  if (session && !responseContent(spec.document, session, "2xx")) {
    report(
      ["session", "operationId"],
      `x-loginkit.session: \`${session.operationId}\` has no JSON 2xx response`,
    );
  }
}

/** Token locations resolve in the sign-in answer; the refresh answer carries all but the refresh token. */
function checkTokens({ spec, extension, operations, report }: CheckContext): void {
  const sources: ["signIn" | "refresh", readonly string[]][] = [
    ["signIn", Object.keys(extension.token)],
    ["refresh", Object.keys(extension.token).filter((field) => field !== "refreshToken")],
  ];
  for (const [role, fields] of sources) {
    const operation = extension[role] && operations.get(extension[role].operationId);
    if (!operation) continue;
    const answer = responseContent(spec.document, operation, "2xx");
    if (!answer) {
      report(
        [role, "operationId"],
        `x-loginkit.${role}: \`${operation.operationId}\` has no JSON 2xx response to read tokens from`,
      );
      continue;
    }
    for (const field of fields) {
      const expression = extension.token[field as keyof XLoginkit["token"]] ?? "";
      if (!expressionResolves(spec, answer.schema, expression)) {
        report(
          ["token", field],
          `x-loginkit.token.${field}: \`${expression}\` is not a property of the ${answer.status} response of \`${operation.operationId}\``,
        );
      }
    }
  }
}

function expressionResolves(spec: LoadedSpec, schema: unknown, expression: string): boolean {
  const pointer = responseBodyPointer(expression);
  return (
    pointer !== undefined && schemaHasPointer(spec.document, schema, parseJsonPointer(pointer))
  );
}

/** `refresh.body`: keys are properties of the refresh request body, values `$session.<token field>`. */
function checkRefreshBody({ spec, extension, operations, report }: CheckContext): void {
  const refresh = extension.refresh && operations.get(extension.refresh.operationId);
  if (!refresh || !extension.refresh?.body) return;
  const body = requestContent(spec.document, refresh);
  for (const [key, value] of Object.entries(extension.refresh.body)) {
    if (!schemaHasPointer(spec.document, body?.schema, [key])) {
      report(
        ["refresh", "body", key],
        `x-loginkit.refresh.body.${key}: not a property of the request body of \`${refresh.operationId}\``,
      );
    }
    const field = sessionFieldOf(value);
    if (field === undefined) {
      report(
        ["refresh", "body", key],
        `x-loginkit.refresh.body.${key}: must be \`$session.<token field>\`, not \`${value}\``,
      );
    } else if (!Object.hasOwn(extension.token, field)) {
      report(
        ["refresh", "body", key],
        `x-loginkit.refresh.body.${key}: \`${value}\`, but x-loginkit.token has no \`${field}\``,
      );
    }
  }
}

/** A matcher's status is documented by an operation it covers, and its pointer resolves there. */
function checkErrorMatchers({ spec, extension, operations, report }: CheckContext): void {
  for (const kind of ["tokenExpired", "badCredentials"] as const) {
    extension.errors[kind].forEach((matcher, index) => {
      const named = (matcher.operations ?? []).flatMap((id) => operations.get(id) ?? []);
      const scope = matcher.operations ? named : [...operations.values()];
      if (matcher.operations && named.length < matcher.operations.length) return;
      const status = String(matcher.status);
      const documenting = scope.filter((operation) =>
        Object.hasOwn((operation.object.responses ?? {}) as object, status),
      );
      if (documenting.length === 0) {
        report(
          ["errors", kind, index, "status"],
          `x-loginkit.errors.${kind}[${index}]: no ${matcher.operations ? "named " : ""}operation documents a ${status} response`,
        );
        return;
      }
      if (matcher.pointer === undefined) return;
      const tokens = parseJsonPointer(matcher.pointer);
      const resolves = documenting.some((operation) =>
        schemaHasPointer(
          spec.document,
          responseContent(spec.document, operation, status)?.schema,
          tokens,
        ),
      );
      if (!resolves) {
        report(
          ["errors", kind, index, "pointer"],
          `x-loginkit.errors.${kind}[${index}]: \`${matcher.pointer}\` resolves in no ${status} response schema`,
        );
      }
    });
  }
}

function checkInputs({ spec, extension, operations, report }: CheckContext): void {
  const parameters = listDeclaredParameters(spec.document, [...operations.values()]);
  const signIn = operations.get(extension.signIn.operationId);
  const signInAnswer = signIn && responseContent(spec.document, signIn, "2xx");
  const options = new Set<string>();
  (extension.inputs ?? []).forEach((input, index) => {
    if (options.has(input.option))
      report(
        ["inputs", index, "option"],
        `x-loginkit.inputs: option \`${input.option}\` is declared twice`,
      );
    options.add(input.option);
    const matches = parameters.filter(
      (parameter) =>
        parameter.in === input.in &&
        typeof parameter.name === "string" &&
        isSameParameterName(input.in, parameter.name, input.name),
    );
    if (matches.length === 0) {
      report(
        ["inputs", index, "name"],
        `x-loginkit.inputs: no ${input.in} parameter \`${input.name}\` is declared in the spec`,
      );
    } else if (matches.some((parameter) => (parameter.required === true) !== input.required)) {
      report(
        ["inputs", index, "required"],
        `x-loginkit.inputs[${index}].required is ${input.required}, but the parameter \`${input.name}\` is declared with required: ${!input.required}`,
      );
    }
    if (input.in === "path" && !input.required) {
      report(
        ["inputs", index, "required"],
        `x-loginkit.inputs[${index}]: a path input must be required`,
      );
    }
    if (
      input.default !== undefined &&
      signInAnswer &&
      !expressionResolves(spec, signInAnswer.schema, input.default)
    ) {
      report(
        ["inputs", index, "default"],
        `x-loginkit.inputs[${index}].default: \`${input.default}\` is not a property of the sign-in answer`,
      );
    }
  });
}

/** The declared cookie flow is what its operations say: set, needed back, answered like sign-in. */
function checkCookieFlow({ spec, extension, operations, report }: CheckContext): void {
  const flow = extension.cookieFlow;
  if (!flow) return;
  const start = operations.get(flow.start.operationId);
  if (start) {
    const answer = responseContent(spec.document, start, "2xx");
    const headers = answer ? responseHeaders(spec.document, start, answer.status) : {};
    const setCookie = Object.entries(headers).find(([name]) =>
      isSameParameterName("header", name, "set-cookie"),
    )?.[1];
    if (!setCookie) {
      report(
        ["cookieFlow", "start"],
        `x-loginkit.cookieFlow.start: \`${start.operationId}\` declares no Set-Cookie header on its 2xx response`,
      );
    } else if (
      typeof setCookie.example === "string" &&
      cookieNameOf(setCookie.example) !== flow.cookie
    ) {
      report(
        ["cookieFlow", "cookie"],
        `x-loginkit.cookieFlow.cookie: \`${flow.cookie}\`, but \`${start.operationId}\`'s Set-Cookie example sets \`${cookieNameOf(setCookie.example)}\``,
      );
    }
    if (!requestContent(spec.document, start)) {
      report(
        ["cookieFlow", "start"],
        `x-loginkit.cookieFlow.start: \`${start.operationId}\` has no JSON request body naming the account`,
      );
    }
  }
  for (const step of ["verify", "finish"] as const) {
    const operation = flow[step] && operations.get(flow[step].operationId);
    if (!operation) continue;
    const needsCookie = listParameters(spec.document, operation).some(
      (parameter) => parameter.in === "cookie" && parameter.name === flow.cookie,
    );
    if (!needsCookie) {
      report(
        ["cookieFlow", step],
        `x-loginkit.cookieFlow.${step}: \`${operation.operationId}\` declares no cookie parameter \`${flow.cookie}\``,
      );
    }
  }
  const finish = operations.get(flow.finish.operationId);
  const finishAnswer = finish && responseContent(spec.document, finish, "2xx");
  if (finish && !expressionResolves(spec, finishAnswer?.schema, extension.token.accessToken)) {
    report(
      ["cookieFlow", "finish"],
      `x-loginkit.cookieFlow.finish: \`${finish.operationId}\` must answer like sign-in, but \`${extension.token.accessToken}\` is not in its 2xx response`,
    );
  }
}

/** `vero_recovery=abc; Path=/` → `vero_recovery`. */
function cookieNameOf(setCookie: string): string | undefined {
  return /^\s*([^=;\s]+)=/.exec(setCookie)?.[1];
}
