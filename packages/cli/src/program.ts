import { readFileSync } from "node:fs";
import { listShippedProviders, loadSpecConformance } from "@loginkit/testkit";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { runCheck } from "./commands/check.js";
import { runSimulate } from "./commands/simulate.js";
import { runToken } from "./commands/token.js";
import { CliError } from "./errors/cli-error.js";
import { EXIT } from "./exit-codes.js";
import type { Io } from "./io.js";
import { listClientProviders } from "./providers/client-package.js";
import { environmentName } from "./providers/environment-names.js";
import { describeCredentialVariables } from "./providers/read-environment.js";

const EXIT_CODES_HELP = `
Exit codes:
  0  done; check: every answer conforms
  1  check found drift, or the command failed (message on stderr)
  2  usage: bad arguments, unknown provider, missing environment variable
  3  the provider is unreachable (connection refused, DNS, timeout)
  4  the provider refused the credentials from the environment`;

/** The environment variables `token` and `check` read, per provider, for their help. */
function describeEnvironment(): string {
  const lines = listClientProviders().map((id) => {
    const forms = loadSpecConformance(id).credentialForms;
    return `  ${id}: ${describeCredentialVariables(id, forms)}`;
  });
  return `
Credentials come from the environment, never from arguments (which ps shows):
${lines.join("\n")}
Client inputs too, as LOGINKIT_<PROVIDER>_<OPTION>, e.g. ${environmentName("enad", "appId")}.`;
}

/** This package's version, read from its package.json (one folder above `dist/`). */
function readOwnVersion(): string {
  const manifest = readFileSync(new URL("../package.json", import.meta.url), "utf8");
  return (JSON.parse(manifest) as { version: string }).version;
}

interface SimulateCommandOptions {
  port: number;
  ttl?: number;
  json?: boolean;
  dropField: string[];
  renameField: string[];
}

/** Repeatable options gather their values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseInteger(name: string, min: number, max: number) {
  return (value: string) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < min || parsed > max)
      throw new InvalidArgumentError(`${name} must be an integer from ${min} to ${max}`);
    return parsed;
  };
}

/**
 * The `loginkit` program. `stopSignal` resolves when the process is asked to stop (SIGINT or
 * SIGTERM): `simulate` runs until then.
 */
export function createProgram(
  io: Io,
  stopSignal: Promise<string>,
  setExitCode: (code: number) => void,
) {
  const program = new Command("loginkit")
    .description(
      "Mock a provider's login API, get a token, check a live provider against its spec.",
    )
    .version(readOwnVersion(), "-V, --version")
    .showHelpAfterError("(run loginkit --help for usage)")
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .exitOverride()
    .addHelpText(
      "after",
      `\nProviders: ${listShippedProviders().join(", ")}, or a spec file's path (simulate).\n${EXIT_CODES_HELP}`,
    );

  program
    .command("simulate")
    .description("serve a provider's simulator on 127.0.0.1 (CORS on) and log each request")
    .argument("<provider>", `one of ${listShippedProviders().join(", ")}, or a spec file's path`)
    .addOption(
      new Option("-p, --port <port>", "port to listen on (0: any free port)")
        .argParser(parseInteger("--port", 0, 65_535))
        .default(4010),
    )
    .addOption(
      new Option(
        "--ttl <seconds>",
        "access-token lifetime (default: the spec's example, else 3600)",
      ).argParser(parseInteger("--ttl", 1, 31_536_000)),
    )
    .option("--json", "one JSON object per line: listening, each request, stopped")
    .option(
      "--drop-field <field>",
      "drift on purpose: leave this field (dotted path) out of every JSON answer (repeatable)",
      collect,
      [],
    )
    .option(
      "--rename-field <old=new>",
      "drift on purpose: rename this field in every JSON answer (repeatable)",
      collect,
      [],
    )
    .addHelpText(
      "after",
      `\nExamples:\n  loginkit simulate vero-oms --port 4010\n  loginkit simulate enad --port 4011 --rename-field access_token=accessToken   # a provider that drifted, for loginkit check\n  (Ctrl-C stops it)\n${EXIT_CODES_HELP}`,
    )
    .action(async (provider: string, options: SimulateCommandOptions) => {
      setExitCode(await runSimulate(provider, options, io, stopSignal));
    });

  program
    .command("token")
    .description("sign in with credentials from the environment and print the access token")
    .argument("<provider>", `one of ${listClientProviders().join(", ")}`)
    .option("--base-url <url>", "where the provider is (default: the spec's server)")
    .option("--header", "print a ready header line, e.g. 'Authorization: Bearer …'")
    .option("--json", "print {provider, token, expiresAt, header} as JSON")
    .addHelpText(
      "after",
      () =>
        `${describeEnvironment()}\n\nExample:\n  export LOGINKIT_ENAD_EMAIL=… LOGINKIT_ENAD_PASSWORD=… LOGINKIT_ENAD_APP_ID=…\n  curl -H "$(loginkit token enad --header)" https://shopper.enad.io/…\n${EXIT_CODES_HELP}`,
    )
    .action(
      async (provider: string, options: { baseUrl?: string; header?: boolean; json?: boolean }) => {
        setExitCode(await runToken(provider, options, io));
      },
    );

  program
    .command("check")
    .description(
      "sign in, use the session, refresh and get refused against a deployment; report every answer that breaks the spec",
    )
    .argument("<provider>", `one of ${listClientProviders().join(", ")}`)
    .requiredOption("--base-url <url>", "the deployment to check, e.g. a staging URL")
    .addOption(
      new Option("--timeout <ms>", "per request")
        .argParser(parseInteger("--timeout", 1, 600_000))
        .default(15_000),
    )
    .option("--json", "print the checked answers and their drift as JSON")
    .addHelpText(
      "after",
      () =>
        `${describeEnvironment()}\n\nExample:\n  loginkit check org-platform --base-url https://staging.example.com\n${EXIT_CODES_HELP}`,
    )
    .action(
      async (provider: string, options: { baseUrl: string; timeout: number; json?: boolean }) => {
        setExitCode(await runCheck(provider, options, io));
      },
    );
  return program;
}

/** Runs `loginkit` with these arguments (after `node bin.js`); resolves with the exit code. */
export async function runLoginkit(
  argv: readonly string[],
  io: Io,
  stopSignal: Promise<string> = new Promise(() => {}),
): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = createProgram(io, stopSignal, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end here too, with exit code 0.
      return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    const failure = error instanceof CliError ? error : new CliError(String(error), EXIT.failed);
    io.stderr.write(`loginkit: ${failure.message}\n`);
    return failure.exitCode;
  }
}
