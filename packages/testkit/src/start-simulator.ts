import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { AccountStore } from "./accounts/account-store.js";
import { deriveAccounts } from "./accounts/derive-accounts.js";
import { classifyOperations } from "./behaviour/classify-operations.js";
import { CookieSessions } from "./behaviour/cookie-sessions.js";
import type { SimulatorContext } from "./behaviour/simulator-context.js";
import { buildExampleRequest } from "./build-example-request.js";
import { exposedHeaderNames } from "./cors/cors-headers.js";
import { ResponseViolationError } from "./errors/ResponseViolationError.js";
import { TestkitError } from "./errors/TestkitError.js";
import { FaultQueue } from "./faults/fault-queue.js";
import { exampleFor } from "./responses/example-for.js";
import { handleRequest } from "./server/handle-request.js";
import type { SimulatorRuntime } from "./server/simulator-runtime.js";
import type { ProviderSource, Simulator, SimulatorOptions } from "./simulator.js";
import { readPointer } from "./spec/json-pointer.js";
import { loadSpec } from "./spec/load-spec.js";
import { readOperations } from "./spec/read-operations.js";
import { resolveShippedSpec } from "./spec/resolve-spec-location.js";
import { responseBodyPointer } from "./spec/runtime-expression.js";
import { createSimulatedClock } from "./tokens/simulated-clock.js";
import { TokenIssuer } from "./tokens/token-issuer.js";
import {
  createSchemaValidator,
  type SchemaValidator,
} from "./validation/create-schema-validator.js";

// Compiling a spec's schemas takes a few hundred ms; test suites start many simulators of the
// same few specs, so validators are shared per spec text (they hold no per-simulator state).
const validators = new Map<string, SchemaValidator>();

function cachedValidator(
  path: string,
  source: string,
  document: Record<string, unknown>,
): SchemaValidator {
  const key = `${path}\n${source}`;
  let validator = validators.get(key);
  if (validator === undefined) {
    validator = createSchemaValidator(document);
    validators.set(key, validator);
  }
  return validator;
}

const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
const DEFAULT_COOKIE_SESSION_LIFETIME_SECONDS = 900;

/**
 * Starts an HTTP server on 127.0.0.1 that behaves like the provider's login API, as its spec
 * and `x-loginkit` describe it.
 *
 * @example
 * const sim = await startSimulator("org-platform");
 * const client = createOrgPlatformClient({ baseUrl: sim.url, credentials: sim.accounts[0].credentials });
 * // ...
 * await sim.close();
 */
export async function startSimulator<Credentials = Readonly<Record<string, unknown>>>(
  provider: ProviderSource,
  options: SimulatorOptions = {},
): Promise<Simulator<Credentials>> {
  const spec = loadSpec(
    typeof provider === "string" ? resolveShippedSpec(provider) : provider.specPath,
  );
  const operations = readOperations(spec.document);
  const roles = classifyOperations(spec, operations);
  const clock = createSimulatedClock();
  const context: SimulatorContext = {
    spec,
    operations,
    roles,
    validator: cachedValidator(spec.path, spec.source, spec.document),
    clock,
    tokens: new TokenIssuer(
      clock,
      options.tokenLifetimeSeconds ?? exampleLifetime(roles.signIn, spec.loginkit.token.expiresIn),
      `loginkit-testkit:${spec.id}`,
      options.jwtSecret,
    ),
    accounts: new AccountStore(deriveAccounts(roles.signIn, options.accounts)),
    cookieSessions: new CookieSessions(
      clock,
      (options.cookieSessionLifetimeSeconds ?? DEFAULT_COOKIE_SESSION_LIFETIME_SECONDS) * 1000,
    ),
    messages: [],
    counters: { signIns: 0, failedSignIns: 0, refreshes: 0 },
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
  };

  const server = createServer((incoming, outgoing) => {
    handleRequest(runtime, incoming, outgoing).catch((error: unknown) => {
      if (!outgoing.headersSent) outgoing.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;

  const simulator: Simulator = {
    url: `http://${host}:${address.port}`,
    provider: spec.id,
    specPath: spec.path,
    operationIds: {
      signIn: roles.signIn.operationId,
      refresh: roles.refresh?.operationId,
      session: roles.session?.operationId,
      signOut: roles.signOut?.operationId,
    },
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
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
  // The spec, not the compiler, knows the credentials' shape: the type parameter is the
  // caller's word for it (the generated client's `<Name>Credentials`), unchecked here.
  return simulator as unknown as Simulator<Credentials>;
}

function exampleLifetime(
  signIn: Parameters<typeof exampleFor>[0],
  expiresIn: string | undefined,
): number {
  const pointer = responseBodyPointer(expiresIn);
  const value = pointer === undefined ? undefined : readPointer(exampleFor(signIn, 200), pointer);
  return typeof value === "number" && value > 0 ? value : DEFAULT_TOKEN_LIFETIME_SECONDS;
}
