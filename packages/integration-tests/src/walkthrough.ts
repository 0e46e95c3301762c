import { startSimulator } from "@loginkit/testkit";
import { clientForSimulator } from "./client-for-simulator.js";
import { listProviderIds, loadClientPackage } from "./load-client-package.js";
import { printTable } from "./print-table.js";
import { runLoginkitCheck } from "./walkthrough-cli.js";
import { type StepResult, walkthroughSteps } from "./walkthrough-steps.js";

/**
 * `pnpm start`: every generated client, against its simulator, through a user's day; then the
 * `loginkit` CLI, run as a user runs it, checks each simulator's answers against the spec.
 */
async function main(): Promise<void> {
  const results: StepResult[] = [];
  let lastCheckOutput = "";
  for (const id of await listProviderIds()) {
    const clientPackage = await loadClientPackage(id);
    const simulator = await startSimulator(id);
    try {
      const options = { retry: { baseDelay: 50 } };
      const client = clientForSimulator(clientPackage, simulator, options);
      const wrong = clientForSimulator(clientPackage, simulator, {
        ...options,
        credentials: simulator.wrongCredentials(),
      });
      for (const [step, run] of walkthroughSteps(simulator, client, wrong)) {
        const started = performance.now();
        const outcome = await run().then(
          (result) => ({ ok: true, result }),
          (error: unknown) => ({
            ok: false,
            result: error instanceof Error ? error.message : String(error),
          }),
        );
        results.push({ provider: id, step, ...outcome, milliseconds: performance.now() - started });
      }
      const started = performance.now();
      const check = await runLoginkitCheck(clientPackage, simulator).catch((error: unknown) => ({
        code: null,
        stdout: String(error),
      }));
      lastCheckOutput = `$ loginkit check ${id} --base-url ${simulator.url}\n${check.stdout}`;
      const conforming = check.stdout.split("\n").filter((line) => / conforms$/.test(line)).length;
      results.push({
        provider: id,
        step: "loginkit check",
        ok: check.code === 0,
        result:
          check.code === 0
            ? `exit 0: the CLI found ${conforming} answers that conform to the spec`
            : `exit ${check.code}: ${check.stdout.trim().split("\n").at(-1)}`,
        milliseconds: performance.now() - started,
      });
      simulator.assertNoViolations();
    } finally {
      await simulator.close();
    }
  }
  printTable(
    ["provider", "step", "result", "time"],
    results.map((row) => [
      row.provider,
      row.step,
      `${row.ok ? "ok" : "FAILED"}: ${row.result}`,
      `${row.milliseconds.toFixed(0)} ms`,
    ]),
  );
  console.log(`\nThe last loginkit check, as a terminal shows it:\n\n${lastCheckOutput.trimEnd()}`);
  const failed = results.filter((row) => !row.ok).length;
  console.log(
    failed === 0
      ? `\nall ${results.length} steps passed`
      : `\n${failed} of ${results.length} steps failed`,
  );
  process.exitCode = failed === 0 ? 0 : 1;
}

await main();
