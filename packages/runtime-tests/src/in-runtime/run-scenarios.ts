import type {
  ScenarioConfig,
  ScenarioName,
  ScenarioOutcome,
  ScenarioResults,
} from "./scenario-types.js";
import { type Control, createControl } from "./scenarios/control.js";
import { credentialScope } from "./scenarios/credential-scope.js";
import { recoverPassword } from "./scenarios/recovery.js";
import { redirect } from "./scenarios/redirect.js";
import { renewByRefresh, renewBySignIn } from "./scenarios/renewal.js";
import { signIn } from "./scenarios/sign-in.js";
import { singleFlight } from "./scenarios/single-flight.js";

type Scenario = (config: ScenarioConfig, control: Control) => Promise<Record<string, unknown>>;

const scenarios: Record<ScenarioName, Scenario> = {
  "sign-in": signIn,
  "renewal-by-sign-in": renewBySignIn,
  "renewal-by-refresh": renewByRefresh,
  "single-flight": singleFlight,
  "credential-scope": credentialScope,
  redirect,
  "recovery-with-jar": recoverPassword("recovery-with-jar"),
  "recovery-with-include": recoverPassword("recovery-with-include", "include"),
};

/** A scenario that has not finished by then is reported as failed, so a runtime never hangs. */
const scenarioDeadlineMs = 20_000;

/**
 * Runs the scenarios one after another with only web-standard APIs, so the same code runs in
 * Node, Bun, Deno, an edge runtime and a browser. A failing scenario does not stop the others.
 */
export async function runScenarios(config: ScenarioConfig): Promise<ScenarioResults> {
  const control = createControl(config.controlUrl);
  const results: ScenarioResults = {};
  for (const [name, scenario] of Object.entries(scenarios) as [ScenarioName, Scenario][]) {
    if (config.only !== undefined && !config.only.includes(name)) continue;
    results[name] = await runOne(() => scenario(config, control));
  }
  return results;
}

async function runOne(scenario: () => Promise<Record<string, unknown>>): Promise<ScenarioOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`did not finish within ${scenarioDeadlineMs} ms`)),
      scenarioDeadlineMs,
    );
  });
  try {
    return { ok: true, observed: await Promise.race([scenario(), deadline]) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    return { ok: false, error: { name, message } };
  } finally {
    clearTimeout(timer);
  }
}
