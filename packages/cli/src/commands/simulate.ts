import {
  createSimulator,
  type ProviderSource,
  type RequestLogEntry,
  type Simulator,
  type SimulatorOptions,
  serveFetchHandler,
  startSimulator,
} from "@loginkit/testkit";
import { CliError, UsageError } from "../errors/cli-error.js";
import type { Io } from "../io.js";
import { createPainter } from "../output/colors.js";
import { listClientProviders, loadClientPackage } from "../providers/client-package.js";
import { environmentName } from "../providers/environment-names.js";
import { toProviderSource } from "../providers/provider-source.js";
import { type Drift, driftingHandler, parseDrifts } from "./drift-answers.js";

export interface SimulateOptions {
  readonly port?: number;
  readonly ttl?: number;
  readonly json?: boolean;
  /** Fields to leave out of every JSON answer (a provider that drifted), dotted paths. */
  readonly dropField?: readonly string[];
  /** `old=new`: fields to rename in every JSON answer. */
  readonly renameField?: readonly string[];
}

/**
 * Serves the provider's simulator on 127.0.0.1 with CORS on, prints its URL and accounts, logs
 * each request on one line (no header values, so no secret), and stops cleanly on SIGINT/SIGTERM.
 * Resolves with the exit code once stopped.
 */
export async function runSimulate(
  provider: string,
  options: SimulateOptions,
  io: Io,
  stopSignal: Promise<string>,
): Promise<number> {
  const { id, source } = toProviderSource(provider);
  const paint = createPainter(io.stdout, io.env);
  const write = (line: string) => io.stdout.write(`${line}\n`);
  const onRequest = (entry: RequestLogEntry) => {
    if (options.json) write(JSON.stringify({ event: "request", ...logFields(entry) }));
    else write(formatLogLine(entry, paint));
  };
  const drifts = parseDrifts(options.dropField ?? [], options.renameField ?? []);
  const served = await serve(
    source,
    { tokenLifetimeSeconds: options.ttl, cors: true, onRequest },
    options.port,
    drifts,
  ).catch((error: unknown) => {
    if ((error as { code?: string }).code === "EADDRINUSE")
      throw new UsageError(`port ${options.port} is in use on 127.0.0.1: pick another with --port`);
    throw new CliError(`cannot start the ${id} simulator: ${(error as Error).message}`, 1, {
      cause: error,
    });
  });
  const { simulator, url } = served;
  const accounts = simulator.accounts.map((account) => ({
    name: account.name,
    credentials: account.credentials as Record<string, unknown>,
  }));
  if (options.json) {
    write(
      JSON.stringify({ event: "listening", provider: id, url, accounts, drifts: drifts.length }),
    );
  } else {
    write(`${paint("bold", `loginkit simulator of ${id}`)} on ${paint("cyan", url)}`);
    if (drifts.length > 0)
      write(paint("yellow", `drifting on purpose: ${describeDrifts(drifts)} in every JSON answer`));
    write(
      `CORS on for any origin; ${options.ttl === undefined ? "tokens live as long as the spec's example says (else an hour)" : `tokens live ${options.ttl} s`}`,
    );
    write("");
    write("accounts it accepts (example data from the spec):");
    for (const account of accounts) {
      const fields = Object.entries(account.credentials).map(
        ([field, value]) => `${field}=${String(value)}`,
      );
      write(`  ${paint("green", account.name)}  ${fields.join("  ")}`);
    }
    const first = accounts[0];
    if (first !== undefined) {
      write("");
      write("a token from it:");
      const inputs = await exampleInputs(id, simulator);
      const exports = [...Object.entries(first.credentials), ...Object.entries(inputs)].map(
        ([field, value]) => `${environmentName(id, field)}=${shellQuote(String(value))}`,
      );
      write(`  ${exports.join(" ")} \\`);
      write(`    loginkit token ${provider} --base-url ${url}`);
    }
    write("");
    write(paint("dim", "Ctrl-C stops it. Requests:"));
  }
  const signal = await stopSignal;
  await served.close();
  if (options.json) write(JSON.stringify({ event: "stopped", signal }));
  else write(`stopped (${signal})`);
  return 0;
}

/**
 * The simulator on 127.0.0.1: the plain server, or (with drifts) the in-process simulator
 * behind a handler that changes its JSON answers, as a provider that drifted from its spec.
 */
async function serve(
  source: ProviderSource,
  simulatorOptions: SimulatorOptions,
  port: number | undefined,
  drifts: readonly Drift[],
): Promise<{ simulator: Simulator; url: string; close: () => Promise<void> }> {
  if (drifts.length === 0) {
    const simulator = await startSimulator(source, { ...simulatorOptions, port });
    return { simulator, url: simulator.url, close: () => simulator.close() };
  }
  const simulator = await createSimulator(source, simulatorOptions);
  const server = await serveFetchHandler(driftingHandler(simulator.handle, drifts), { port });
  return { simulator, url: server.url, close: () => server.close() };
}

function describeDrifts(drifts: readonly Drift[]): string {
  return drifts
    .map((drift) =>
      drift.kind === "drop"
        ? `no ${drift.field.join(".")}`
        : `${drift.field.join(".")} renamed ${drift.to}`,
    )
    .join(", ");
}

/** Required path inputs (Enad's `appId`), with the values of the spec's example sign-in. */
async function exampleInputs(id: string, simulator: Simulator): Promise<Record<string, string>> {
  if (!listClientProviders().includes(id)) return {};
  const { provider } = await loadClientPackage(id);
  const template = provider.operations[provider.signIn.operationId]?.path ?? "";
  const example = simulator.exampleRequest(provider.signIn.operationId).path.split("/");
  const inputs: Record<string, string> = {};
  for (const input of provider.inputs) {
    const index = template.split("/").indexOf(`{${input.name}}`);
    const value = index === -1 ? undefined : example[index];
    if (input.required && value !== undefined) inputs[input.option] = decodeURIComponent(value);
  }
  return inputs;
}

function logFields(entry: RequestLogEntry) {
  return {
    at: entry.receivedAt.toISOString(),
    method: entry.method,
    path: entry.path,
    operationId: entry.operationId ?? null,
    status: entry.status,
    fault: entry.fault ?? null,
    preflight: entry.preflight === true,
  };
}

/** `12:00:01.123  POST /api/auth/login  post_api_auth_login  200`: no header, no body, no query. */
function formatLogLine(entry: RequestLogEntry, paint: ReturnType<typeof createPainter>): string {
  const time = entry.receivedAt.toISOString().slice(11, 23);
  const status = String(entry.status);
  const coloured =
    entry.status >= 500
      ? paint("red", status)
      : entry.status >= 400
        ? paint("yellow", status)
        : paint("green", status);
  const what = entry.preflight ? "(CORS preflight)" : (entry.operationId ?? "(not in the spec)");
  const fault = entry.fault === undefined ? "" : `  fault: ${entry.fault}`;
  return `${paint("dim", time)}  ${entry.method} ${entry.path}  ${what}  ${coloured}${fault}`;
}

function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replaceAll("'", "'\\''")}'`;
}
