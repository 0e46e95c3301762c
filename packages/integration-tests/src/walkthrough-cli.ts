import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { environmentName } from "@loginkit/cli";
import type { Simulator } from "@loginkit/testkit";
import type { ClientPackage } from "./load-client-package.js";

const CLI_DEADLINE_MS = 60_000;

/** The `loginkit` bin as installed: `@loginkit/cli`'s package.json names it. */
function loginkitBin(): string {
  const manifestPath = createRequire(import.meta.url).resolve("@loginkit/cli/package.json");
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as { bin: { loginkit: string } };
  return join(dirname(manifestPath), manifest.bin.loginkit);
}

/**
 * What a user would export before `loginkit check`: the simulator's first account, field by
 * field, and each required path input (Enad's app id) from the spec's example sign-in.
 */
function environmentFor(clientPackage: ClientPackage, simulator: Simulator): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1" };
  for (const [field, value] of Object.entries(simulator.accounts[0]?.credentials ?? {}))
    env[environmentName(clientPackage.id, field)] = String(value);
  const signIn = clientPackage.provider.signIn.operationId;
  const template = clientPackage.provider.operations[signIn]?.path.split("/") ?? [];
  const example = simulator.exampleRequest(signIn).path.split("/");
  for (const input of clientPackage.provider.inputs) {
    const index = template.indexOf(`{${input.name}}`);
    if (input.required && index !== -1)
      env[environmentName(clientPackage.id, input.option)] = decodeURIComponent(
        example[index] ?? "",
      );
  }
  return env;
}

/**
 * Runs `loginkit check <provider> --base-url <simulator>` as a user would, and resolves with its
 * exit code and output (stdout: the table; stderr: progress). Bounded: a hung CLI fails the step.
 */
export function runLoginkitCheck(
  clientPackage: ClientPackage,
  simulator: Simulator,
): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(
    process.execPath,
    [loginkitBin(), "check", clientPackage.id, "--base-url", simulator.url],
    { env: environmentFor(clientPackage, simulator), stdio: ["ignore", "pipe", "ignore"] },
  );
  let stdout = "";
  child.stdout.on("data", (chunk: Buffer) => {
    stdout += chunk.toString("utf8");
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`loginkit check did not finish within ${CLI_DEADLINE_MS} ms`));
    }, CLI_DEADLINE_MS);
    child.once("error", reject);
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}
