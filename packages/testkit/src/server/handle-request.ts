import { matchOperation } from "@loginkit/contract/rules";
import { answerMalformed } from "../behaviour/answer-malformed.js";
import {
  handleLoginkitEndpoint,
  isLoginkitEndpoint,
  LOGINKIT_PREFIX,
} from "../behaviour/handle-loginkit-endpoint.js";
import { handleOperation } from "../behaviour/handle-operation.js";
import { readPresentedToken, secretHeaderNames } from "../behaviour/read-presented-token.js";
import type { SimulatedResponse } from "../behaviour/simulator-context.js";
import { corsResponseHeaders, isPreflight, preflightHeaders } from "../cors/cors-headers.js";
import { isOriginAllowed } from "../cors/cors-options.js";
import { type Fault, faultKind } from "../faults/fault.js";
import type { RequestLogEntry } from "../observe/request-log-entry.js";
import { buildErrorBody } from "../responses/build-error-body.js";
import { responseFor } from "../responses/example-for.js";
import { writePointer } from "../spec/json-pointer.js";
import { responseBodyPointer } from "../spec/runtime-expression.js";
import type { SpecOperation } from "../spec/spec-operation.js";
import { validateResponse } from "../validation/validate-response.js";
import { abortableSleep } from "./abortable-sleep.js";
import { readRequest } from "./read-request.js";
import type { SimulatedRequest } from "./simulated-request.js";
import type { SimulatorRuntime } from "./simulator-runtime.js";
import { toResponse } from "./to-response.js";
import type { WireResponse } from "./wire-response.js";

/**
 * The pipeline, as a fetch handler: route, count, fault, handle, validate the answer, apply
 * output faults, log, answer. The node:http server, `simulator.fetch` and the MSW handlers all
 * call this one function, so they answer alike.
 */
export async function handleRequest(
  runtime: SimulatorRuntime,
  incoming: Request,
): Promise<Response> {
  const { context } = runtime;
  const request = await readRequest(incoming);
  const receivedAt = context.clock.now();
  const origin = headerOf(request, "origin");
  const corsAllowed = isOriginAllowed(runtime.cors, origin);
  // Preflights are the browser's business, not the client's: they take no fault and no count.
  if (
    runtime.cors &&
    isPreflight(request.method, headerOf(request, "access-control-request-method"))
  ) {
    const headers = corsAllowed
      ? preflightHeaders(origin as string, headerOf(request, "access-control-request-headers"))
      : {};
    notify(runtime, {
      method: request.method,
      path: request.path,
      status: 204,
      headers: redactHeaders(request, secretHeaderNames(context)),
      receivedAt,
      preflight: true,
    });
    return toResponse({ status: 204, headers }, context.clock.now(), request.method);
  }
  const loginkitEndpoint = isLoginkitEndpoint(request.method, request.path);
  const route = loginkitEndpoint
    ? undefined
    : matchOperation(context.operations, request.method, request.routePath);
  const operation = route?.kind === "operation" ? route.operation : undefined;
  if (route?.kind === "operation") request.pathParameters = route.pathParameters;
  const operationId = loginkitEndpoint ? request.path.slice(1) : operation?.operationId;

  const presented = readPresentedToken(context, request);
  const tokenId = presented === undefined ? undefined : context.tokens.idOf(presented);
  increment(runtime.requestsByToken, tokenId);
  increment(runtime.requestsByOperation, operationId);

  // A request that could not be read is answered as bad input and leaves queued faults for the
  // next request a test meant them for.
  const fault =
    request.malformed === undefined
      ? runtime.faults.take({ operationId, path: request.path, pathTemplate: operation?.path })
      : undefined;
  if (fault !== undefined && "delayMs" in fault)
    await abortableSleep(fault.delayMs, incoming.signal);

  let answer: SimulatedResponse;
  let rawFaultBody = false;
  try {
    if (request.malformed !== undefined) {
      answer = answerMalformed(context, operation, request.malformed);
    } else if (fault !== undefined && "status" in fault) {
      rawFaultBody =
        fault.body !== undefined ||
        operation === undefined ||
        !responseFor(operation, fault.status);
      answer = rawFaultBody
        ? { status: fault.status, headers: fault.headers, body: fault.body }
        : {
            status: fault.status,
            headers: fault.headers,
            body: buildErrorBody(context, {
              operation: operation as SpecOperation,
              status: fault.status,
            }),
          };
    } else if (loginkitEndpoint) {
      answer = await handleLoginkitEndpoint(
        context,
        request,
        (id) => runtime.requestsByToken.get(id) ?? 0,
      );
    } else if (route?.kind === "operation") {
      answer = await handleOperation(context, route.operation, request);
    } else if (route?.kind === "method-not-allowed") {
      answer = {
        status: 405,
        headers: { allow: route.allowed.join(", ") },
        body: { message: `${request.method} is not allowed on ${request.path}` },
        outOfSpec: true,
      };
    } else {
      answer = {
        status: 404,
        body: {
          message: `${request.path} is not in the ${context.spec.id} spec (nor under ${LOGINKIT_PREFIX})`,
        },
        outOfSpec: true,
      };
    }
  } catch (error) {
    answer = {
      status: 500,
      body: { message: `loginkit simulator failed: ${String(error)}` },
      outOfSpec: true,
    };
    record(runtime, request, operationId, 500, [`the simulator threw: ${String(error)}`]);
  }

  if (fault !== undefined && "answerDelayMs" in fault) {
    // Acted on already; the client may be gone by the time the answer would leave.
    await abortableSleep(fault.answerDelayMs, incoming.signal).catch(() => {});
  }

  let headers: Record<string, string> = lowerCaseKeys(answer.headers ?? {});
  const validateAs = answer.validateAs ?? operation;
  if (!rawFaultBody && !answer.outOfSpec && validateAs !== undefined) {
    const problems = validateResponse(context.validator, validateAs, {
      status: answer.status,
      headers,
      body: answer.body,
    });
    if (problems.length > 0) {
      record(runtime, request, operationId, answer.status, problems);
      if (runtime.strict) {
        answer = {
          status: 500,
          body: {
            message: `loginkit simulator: its answer breaks the spec: ${problems.join("; ")}`,
          },
        };
        headers = { "x-loginkit-violation": "true" };
      }
    }
  }

  const wire = toWire(
    answer,
    corsAllowed
      ? { ...headers, ...corsResponseHeaders(origin as string, runtime.exposedHeaders) }
      : headers,
    rawFaultBody,
  );
  const shaped =
    fault === undefined
      ? wire
      : applyOutputFault(fault, wire, answer, context.spec.loginkit.token.accessToken);
  const entry = {
    method: request.method,
    path: request.path,
    operationId,
    status: shaped.status,
    headers: redactHeaders(request, secretHeaderNames(context)),
    tokenId,
    fault: fault === undefined ? undefined : faultKind(fault),
    receivedAt,
  };
  runtime.requests.push(entry);
  notify(runtime, entry);
  // The Date header tells the simulated time, as a real server's tells its own: clients that
  // place expiry times on their clock by it see the tokens expire when the simulator says.
  return toResponse(shaped, context.clock.now(), request.method);
}

/** Tells the `onRequest` listener; a throwing listener must not break the answer. */
function notify(runtime: SimulatorRuntime, entry: RequestLogEntry): void {
  try {
    runtime.onRequest?.(entry);
  } catch {
    // Deliberately ignored, see above.
  }
}

function toWire(
  answer: SimulatedResponse,
  headers: Record<string, string>,
  raw: boolean,
): WireResponse {
  if (answer.body === undefined) return { status: answer.status, headers };
  if (raw && typeof answer.body === "string") {
    const looksLikeHtml = answer.body.trimStart().startsWith("<");
    return {
      status: answer.status,
      headers: {
        "content-type": looksLikeHtml ? "text/html; charset=utf-8" : "text/plain; charset=utf-8",
        ...headers,
      },
      text: answer.body,
    };
  }
  return {
    status: answer.status,
    headers: { "content-type": "application/json", ...headers },
    text: JSON.stringify(answer.body),
  };
}

/** Faults that spoil a normal answer after it was produced (and validated). */
function applyOutputFault(
  fault: Fault,
  wire: WireResponse,
  answer: SimulatedResponse,
  accessToken: string,
): WireResponse {
  const marked = { ...wire, headers: { ...wire.headers, "x-loginkit-fault": faultKind(fault) } };
  const text = wire.text ?? "";
  if ("reset" in fault) return { ...marked, resetMidway: true };
  if ("malformedJson" in fault)
    return { ...marked, text: `{"loginkit-fault": malformed, ${text.slice(1)}` };
  if ("truncatedJson" in fault)
    return { ...marked, text: text.slice(0, Math.floor(text.length / 2)) };
  if ("omitToken" in fault) {
    const pointer = responseBodyPointer(accessToken);
    const body = structuredClone(answer.body);
    if (pointer !== undefined && body !== null && typeof body === "object")
      writePointer(body, pointer, undefined);
    return { ...marked, text: JSON.stringify(body) };
  }
  return marked;
}

function record(
  runtime: SimulatorRuntime,
  request: SimulatedRequest,
  operationId: string | undefined,
  status: number,
  problems: string[],
) {
  runtime.violations.push({
    method: request.method,
    path: request.path,
    operationId,
    status,
    problems,
  });
}

function headerOf(request: SimulatedRequest, name: string): string | null {
  return request.headers[name] ?? null;
}

function increment(counts: Map<string, number>, key: string | undefined) {
  if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
}

function lowerCaseKeys(headers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
}

function redactHeaders(
  request: SimulatedRequest,
  secrets: ReadonlySet<string>,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      secrets.has(name) ? "[redacted]" : String(value),
    ]),
  );
}
