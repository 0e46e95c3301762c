import { AccountStore } from "../accounts/account-store.js";
import { deriveAccounts } from "../accounts/derive-accounts.js";
import { classifyOperations } from "../behaviour/classify-operations.js";
import { CookieSessions } from "../behaviour/cookie-sessions.js";
import type { SimulatorContext } from "../behaviour/simulator-context.js";
import { buildExampleRequest } from "../build-example-request.js";
import { exposedHeaderNames } from "../cors/cors-headers.js";
import { ResponseViolationError } from "../errors/ResponseViolationError.js";
import { TestkitError } from "../errors/TestkitError.js";
import { FaultQueue } from "../faults/fault-queue.js";
import { exampleFor } from "../responses/example-for.js";
import { handleRequest } from "../server/handle-request.js";
import type { SimulatorRuntime } from "../server/simulator-runtime.js";
import type { Simulator, SimulatorOptions } from "../simulator.js";
import { readPointer } from "../spec/json-pointer.js";
import type { LoadedSpec } from "../spec/load-spec.js";
import { readOperations } from "../spec/read-operations.js";
import { responseBodyPointer } from "../spec/runtime-expression.js";
import { createSimulatedClock } from "../tokens/simulated-clock.js";
import { TokenIssuer } from "../tokens/token-issuer.js";
import { createInProcessFetch } from "./in-process-fetch.js";
import { sharedValidator } from "./shared-validator.js";

const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
const DEFAULT_COOKIE_SESSION_LIFETIME_SECONDS = 900;

/**
 * A simulator of a loaded spec, answering at `url` through `handle`/`fetch`: no port, no
 * `node:` import. `startSimulator` puts a node:http server in front of the same `handle`.
 */
export function buildSimulator(
  spec: LoadedSpec,
  options: SimulatorOptions,
  url: string,
  close: () => Promise<void> = async () => {},
): Simulator {
  const operations = readOperations(spec.document);
  const roles = classifyOperations(spec, operations);
  const clock = createSimulatedClock();
  const context: SimulatorContext = {
    spec,
    operations,
    roles,
    validator: sharedValidator(spec),
    clock,
    tokens: new TokenIssuer(
      clock,
      options.tokenLifetimeSeconds ?? exampleLifetime(roles.signIn, spec.loginkit.token.expiresIn),
      `loginkit-testkit:${spec.id}`,
      options.jwtSecret,
      options.refreshTokenReuse ?? "refuse",
    ),
    accounts: new AccountStore(deriveAccounts(roles.signIn, options.accounts)),
    cookieSessions: new CookieSessions(
      clock,
      (options.cookieSessionLifetimeSeconds ?? DEFAULT_COOKIE_SESSION_LIFETIME_SECONDS) * 1000,
    ),
    messages: [],
    counters: { signIns: 0, failedSignIns: 0, refreshes: 0, revokedTokenFamilies: 0 },
  };
  const runtime: SimulatorRuntime = {
    context,
    faults: new FaultQueue(),
    requests: [],
    violations: [],
    requestsByToken: new Map(),
    requestsByOperation: new Map(),
    strict: options.strict ?? true,
    cors: options.cors,
    exposedHeaders: exposedHeaderNames(operations),
    onRequest: options.onRequest,
  };
  const handle = (request: Request) => handleRequest(runtime, request);

  return {
    url,
    provider: spec.id,
    specPath: spec.path,
    operationIds: {
      signIn: roles.signIn.operationId,
      refresh: roles.refresh?.operationId,
      session: roles.session?.operationId,
      signOut: roles.signOut?.operationId,
    },
    handle,
    fetch: createInProcessFetch(url, handle),
    get accounts() {
      return context.accounts.all;
    },
    wrongCredentials(account = context.accounts.all[0]) {
      if (account === undefined) throw new TestkitError(`${spec.id}: the simulator has no account`);
      return context.accounts.wrongCredentials(account);
    },
    exampleRequest: (operationId, overrides) =>
      buildExampleRequest(context, operationId, overrides),
    clock,
    expireTokens: () => context.tokens.expireAccessTokens(),
    inject: (fault, target) => runtime.faults.add(fault, target),
    get stats() {
      return {
        ...context.counters,
        requestsByToken: Object.fromEntries(runtime.requestsByToken),
        requestsByOperation: Object.fromEntries(runtime.requestsByOperation),
      };
    },
    requestsWithToken(token) {
      const id = context.tokens.idOf(token);
      return id === undefined ? 0 : (runtime.requestsByToken.get(id) ?? 0);
    },
    requests: runtime.requests,
    messages: context.messages,
    lastMessageTo: (address) => context.messages.findLast((message) => message.to === address),
    violations: runtime.violations,
    assertNoViolations() {
      if (runtime.violations.length > 0) throw new ResponseViolationError([...runtime.violations]);
    },
    close,
  };
}

function exampleLifetime(
  signIn: Parameters<typeof exampleFor>[0],
  expiresIn: string | undefined,
): number {
  const pointer = responseBodyPointer(expiresIn);
  const value = pointer === undefined ? undefined : readPointer(exampleFor(signIn, 200), pointer);
  return typeof value === "number" && value > 0 ? value : DEFAULT_TOKEN_LIFETIME_SECONDS;
}
