import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { startSimulator } from "@loginkit/testkit";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { generatePackage } from "../src/generate-package.js";
import { specsDirectory, toSpecEntry } from "../src/workspace.js";

/*
 * The same edge case of each contract rule, given to the three readers of a spec: the lint
 * (`pnpm lint:specs`, the redocly plugin), the generator and the simulator (@loginkit/testkit).
 * They must all accept it or all refuse it, and where they act on it, act alike.
 */

const run = promisify(execFile);
const resolve = createRequire(import.meta.url).resolve;

interface EdgeCase {
  readonly name: string;
  readonly spec: string;
  readonly edit: (text: string) => string;
  readonly valid: boolean;
}

const edgeCases: EdgeCase[] = [
  {
    name: "header names: an input naming a header in another case",
    spec: "pulse-crm",
    edit: (text) => replaceAll(text, "name: X-Account-ID", "name: x-account-id", 1),
    valid: true,
  },
  {
    name: "header names: an input naming a header no operation declares",
    spec: "pulse-crm",
    edit: (text) => replaceAll(text, "name: X-Account-ID", "name: X-Acount-ID", 1),
    valid: false,
  },
  {
    name: "operation matching: a role naming no operation",
    spec: "vero-oms",
    edit: (text) =>
      text.replace("operationId: resetPassword\npaths", "operationId: resetPasswort\npaths"),
    valid: false,
  },
  {
    name: "JSON pointers: a token pointer with an escaped step the answer lacks",
    spec: "enad",
    edit: (text) => text.replace("$response.body#/access_token", "$response.body#/access~1token"),
    valid: false,
  },
  {
    name: "JSON pointers: an error pointer no error schema has",
    spec: "org-platform",
    edit: (text) => text.replace("pointer: /error_code", "pointer: /error/code"),
    valid: false,
  },
  {
    name: "cookie flow: a cookie its operations do not use",
    spec: "vero-oms",
    edit: (text) => text.replace("cookie: vero_recovery_session", "cookie: vero_session"),
    valid: false,
  },
  {
    name: "optional security: the recovery start takes a token but needs none",
    spec: "vero-oms",
    edit: (text) => startSecurity(text, "[{}, {bearerAuth: []}]"),
    valid: true,
  },
  {
    name: "optional security: the recovery start needs a token",
    spec: "vero-oms",
    edit: (text) => startSecurity(text, "[{bearerAuth: []}]"),
    valid: true,
  },
];

let scratch: string;
const lintProblems = new Map<string, string[]>();

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), "loginkit-agreement-"));
  const files: string[] = [];
  for (const [index, edgeCase] of edgeCases.entries()) {
    const text = await readFile(join(specsDirectory, `${edgeCase.spec}.yaml`), "utf8");
    const edited = edgeCase.edit(text);
    if (edited === text) throw new Error(`${edgeCase.name}: the edit changed nothing`);
    const file = join(scratch, `case-${index}.yaml`);
    await writeFile(file, edited);
    files.push(file);
  }
  // One lint run for every case, through the plugin as `pnpm lint:specs` loads it (under tsx).
  const config = join(scratch, "redocly.yaml");
  const plugin = join(import.meta.dirname, "../redocly/loginkit-plugin.ts");
  await writeFile(config, `plugins:\n  - ${plugin}\nrules:\n  loginkit/x-loginkit-shape: error\n`);
  const { stdout } = await run(
    process.execPath,
    [
      "--import",
      "tsx",
      resolve("@redocly/cli/bin/cli.js"),
      "lint",
      "--config",
      config,
      "--format",
      "json",
      ...files,
    ],
    { cwd: join(import.meta.dirname, ".."), maxBuffer: 16 * 1024 * 1024 },
  ).catch((failed: { stdout: string }) => failed);
  // One JSON report a file, in the order given, written back to back.
  const reports = stdout
    .slice(stdout.indexOf("{"))
    .split(/\n\}\{\n/)
    .map((part, index, parts) =>
      JSON.parse(`${index > 0 ? "{\n" : ""}${part}${index < parts.length - 1 ? "\n}" : ""}`),
    ) as { problems: { message: string }[] }[];
  if (reports.length !== files.length)
    throw new Error(`lint printed ${reports.length} reports for ${files.length} files`);
  reports.forEach((report, index) => {
    lintProblems.set(
      `case-${index}.yaml`,
      report.problems.map((problem) => problem.message),
    );
  });
}, 120_000);

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe.each(edgeCases.map((edgeCase, index) => [edgeCase.name, index, edgeCase] as const))(
  "%s",
  (_name, index, edgeCase) => {
    const file = () => join(scratch, `case-${index}.yaml`);

    test(`the lint, the generator and the simulator all ${edgeCase.valid ? "accept" : "refuse"} it`, async () => {
      const lint = lintProblems.get(`case-${index}.yaml`) ?? [];
      const generator = await generatePackage(
        toSpecEntry(file()),
        join(scratch, `out-${index}`),
      ).then(
        () => undefined,
        (error: Error) => error.message,
      );
      const simulator = await startSimulator({ specPath: file() }).then(
        async (started) => {
          await started.close();
          return undefined;
        },
        (error: Error) => error.message,
      );
      expect(
        {
          lint: lint.length === 0,
          generator: generator === undefined,
          simulator: simulator === undefined,
        },
        JSON.stringify({ lint, generator, simulator }),
      ).toEqual({
        lint: edgeCase.valid,
        generator: edgeCase.valid,
        simulator: edgeCase.valid,
      });
      if (!edgeCase.valid) {
        // They refuse it for the same reason: the contract's one message.
        const contractMessage = generator!.slice(generator!.indexOf(": ") + 2).split("\n")[0]!;
        expect(lint).toContain(contractMessage);
        expect(simulator).toContain(contractMessage);
      }
    });
  },
);

describe("optional security is one rule: the client signs in for a call exactly when the simulator refuses it without a token", () => {
  test.each([
    ["[{}, {bearerAuth: []}]", true],
    ["[{}]", true],
    ["[{bearerAuth: []}]", false],
  ])("security: %s", async (security, isPublic) => {
    const directory = await mkdtemp(join(scratch, "security-"));
    const file = join(directory, "vero-oms.yaml");
    await writeFile(
      file,
      startSecurity(await readFile(join(specsDirectory, "vero-oms.yaml"), "utf8"), security),
    );
    const generated = await generatePackage(toSpecEntry(file), join(directory, "out"));
    const provider = generated.files.get("src/provider.ts") ?? "";
    const described = /startPasswordRecovery: \{[^}]*?public: (true|false)/s.exec(provider)?.[1];
    expect(described).toBe(String(isPublic));

    const simulator = await startSimulator({ specPath: file });
    try {
      const response = await fetch(new URL("/api/auth/recovery/start", simulator.url), {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "nobody@example.com" }),
      });
      expect(response.status === 401, `status ${response.status}`).toBe(!isPublic);
    } finally {
      await simulator.close();
    }
  });
});

/** Replaces the first `count` occurrences. */
function replaceAll(text: string, search: string, replacement: string, count: number): string {
  let result = text;
  for (let index = 0; index < count; index++) result = result.replace(search, replacement);
  return result;
}

/** Vero's `startPasswordRecovery` with another `security`. */
function startSecurity(text: string, security: string): string {
  return text.replace(/(operationId: startPasswordRecovery\n\s+security: )\[\]/, `$1${security}`);
}
