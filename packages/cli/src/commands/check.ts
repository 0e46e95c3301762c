import type { DriftFinding, SpecConformance } from "@loginkit/testkit";
import { CliError } from "../errors/cli-error.js";
import { fromClientError } from "../errors/from-client-error.js";
import { EXIT } from "../exit-codes.js";
import type { Io } from "../io.js";
import { createPainter } from "../output/colors.js";
import { formatTable } from "../output/format-table.js";
import { scrubSecrets, showValue } from "../output/redact.js";
import { checkBaseUrl } from "../providers/check-base-url.js";
import { openClient } from "./open-client.js";
import { createRecordingFetch, type Exchange } from "./record-exchanges.js";

export interface CheckOptions {
  readonly baseUrl: string;
  readonly json?: boolean;
  /** Per request, ms. @default 15_000 */
  readonly timeout?: number;
}

/** One answer checked: which step sent it and how it differs from the spec. */
interface CheckedAnswer {
  readonly step: string;
  readonly operationId: string;
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly findings: readonly DriftFinding[];
}

type Step = readonly [name: string, run: () => Promise<unknown>];

/**
 * Drives sign-in, the session and refresh operations the spec has, and a refused sign-in
 * against a deployment; checks every answer against the spec; prints one row per answer (and
 * per drifting field). Exit 0 when all conform, 1 on drift. Credentials and tokens never show.
 */
export async function runCheck(providerId: string, options: CheckOptions, io: Io): Promise<number> {
  checkBaseUrl(options.baseUrl);
  const exchanges: Exchange[] = [];
  const { client, openAnother, spec, credentials } = await openClient({
    providerId,
    baseUrl: options.baseUrl,
    env: io.env,
    fetch: createRecordingFetch(exchanges),
    timeout: options.timeout,
  });
  const wrong = spec.wrongCredentials(credentials);
  const steps: Step[] = [
    ["sign-in", () => client.signIn()],
    ...(spec.operationIds.session ? [["session", () => client.session()] as const] : []),
    ...(spec.operationIds.refresh ? [["refresh", () => client.renew()] as const] : []),
    ["refused sign-in", () => openAnother().signIn(wrong)],
  ];
  const progress = createPainter(io.stderr, io.env);
  const checked: CheckedAnswer[] = [];
  const notes: string[] = [];
  let signedIn = true;
  for (const [index, [name, run]] of steps.entries()) {
    io.stderr.write(progress("dim", `[${index + 1}/${steps.length}] ${name}…\n`));
    if (!signedIn && name !== "refused sign-in") {
      notes.push(`${name}: skipped, the sign-in gave no usable session`);
      continue;
    }
    const before = exchanges.length;
    const outcome = await run().then(
      () => undefined,
      (error: unknown) => error,
    );
    const cliError = outcome === undefined ? undefined : fromClientError(outcome, providerId);
    if (cliError?.exitCode === EXIT.unreachable || cliError?.exitCode === EXIT.usage)
      throw cliError;
    for (const exchange of exchanges.slice(before))
      checked.push(checkExchange(spec, options.baseUrl, name, exchange));
    if (name === "sign-in" && outcome !== undefined) {
      if (cliError?.exitCode === EXIT.refused)
        throw new CliError(
          `${providerId} refused the credentials from the environment, so nothing past the refusal can be checked: ${cliError.message}`,
          EXIT.refused,
        );
      signedIn = false;
      notes.push(`sign-in: ${cliError?.message ?? "failed"}`);
    }
    if (name === "refused sign-in" && outcome === undefined)
      notes.push("refused sign-in: wrong credentials were accepted");
  }

  const secrets = [
    ...Object.values(credentials),
    ...Object.values(wrong),
    ...exchanges.flatMap((exchange) => spec.tokensIn(exchange.body)),
  ];
  const drifting = checked.filter((answer) => answer.findings.length > 0);
  if (options.json) {
    const report = {
      provider: providerId,
      baseUrl: options.baseUrl,
      conforms: drifting.length === 0,
      answers: checked.map((answer) => ({
        ...answer,
        findings: answer.findings.map((finding) => ({
          field: finding.field,
          expected: finding.expected,
          got: showValue(finding.got, secrets, 200),
        })),
      })),
      notes,
    };
    // Every value, field names and notes included, goes through the scrubber, not just `got`.
    io.stdout.write(`${JSON.stringify(scrubSecrets(report, secrets))}\n`);
  } else {
    const paint = createPainter(io.stdout, io.env);
    const rows = checked.flatMap((answer) => {
      const head = [
        answer.step,
        answer.operationId,
        `${answer.method} ${answer.path}`,
        String(answer.status),
      ];
      if (answer.findings.length === 0) return [[...head, "conforms", "", "", ""]];
      return answer.findings.map((finding) => [
        ...head,
        "DRIFT",
        finding.field,
        finding.expected,
        showValue(finding.got, secrets),
      ]);
    });
    const table = formatTable(
      ["step", "operation", "request", "status", "result", "field", "expected", "got"],
      scrubSecrets(rows, secrets),
    );
    for (const line of table)
      io.stdout.write(`${line.includes(" DRIFT ") ? paint("red", line) : line}\n`);
    for (const note of notes)
      io.stdout.write(`note: ${showValue(note, secrets, 400).slice(1, -1)}\n`);
    io.stdout.write(
      drifting.length === 0
        ? `\n${paint("green", `${providerId} at ${options.baseUrl} answers as its spec says (${checked.length} answers)`)}\n`
        : `\n${paint("red", `${providerId} at ${options.baseUrl} drifts from its spec: ${drifting.length} of ${checked.length} answers`)}\n`,
    );
  }
  return drifting.length === 0 ? EXIT.ok : EXIT.failed;
}

function checkExchange(
  spec: SpecConformance,
  baseUrl: string,
  step: string,
  exchange: Exchange,
): CheckedAnswer {
  const basePath = new URL(baseUrl).pathname.replace(/\/$/, "");
  const path = exchange.url.pathname.startsWith(basePath)
    ? exchange.url.pathname.slice(basePath.length) || "/"
    : exchange.url.pathname;
  const operationId = spec.operationAt(exchange.method, path);
  const answer = { status: exchange.status, headers: exchange.headers, body: exchange.body };
  const findings = exchange.oversized
    ? [
        {
          field: "body",
          expected: `at most ${exchange.oversized.bytes} bytes (core's ${exchange.oversized.option})`,
          got: `more than ${exchange.oversized.bytes} bytes`,
          missing: false,
        },
      ]
    : operationId === undefined
      ? [
          {
            field: "request",
            expected: "an operation of the spec",
            got: `${exchange.method} ${path}`,
            missing: false,
          },
        ]
      : step === "refused sign-in"
        ? [...spec.findRefusalDrift(operationId, answer), ...spec.findDrift(operationId, answer)]
        : spec.findDrift(operationId, answer);
  return {
    step,
    operationId: operationId ?? "(none)",
    method: exchange.method,
    path,
    status: exchange.status,
    findings: dedupe(findings),
  };
}

function dedupe(findings: readonly DriftFinding[]): DriftFinding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.field}\n${finding.expected}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
