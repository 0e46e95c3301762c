import { type Simulator, type SimulatorOptions, startSimulator } from "@loginkit/testkit";
import {
  type ScenarioConfig,
  type ScenarioName,
  type ScenarioTarget,
  scenarioNames,
} from "../in-runtime/scenario-types.js";
import { startControlServer } from "./control-server.js";
import { type RecordingServer, startRecordingServer } from "./recording-server.js";
import { startRedirectingProxy } from "./redirecting-proxy.js";
import type { RunningServer } from "./start-http-server.js";

/** Which provider each scenario runs against: one fresh simulator each, so counts are its own. */
const providerOf: Record<ScenarioName, string> = {
  "sign-in": "vero-oms",
  "renewal-by-sign-in": "vero-oms",
  "renewal-by-refresh": "org-platform",
  "single-flight": "vero-oms",
  "credential-scope": "org-platform",
  redirect: "vero-oms",
  "recovery-with-jar": "vero-oms",
  "recovery-with-include": "vero-oms",
};

export interface ScenarioFixture {
  /** What the runtime under test is given. */
  readonly config: ScenarioConfig;
  readonly simulators: Readonly<Record<ScenarioName, Simulator>>;
  /** The server of no provider the scenarios call or get redirected to. */
  readonly elsewhere: RecordingServer;
  /** Checks every simulator answered per its spec, then closes everything. */
  close(): Promise<void>;
}

/**
 * Starts, on 127.0.0.1 and free ports, one simulator per scenario, the redirecting front of the
 * redirect scenario, the recording "elsewhere" server and the control server.
 */
export async function startScenarioFixture(
  simulatorOptions: SimulatorOptions = {},
): Promise<ScenarioFixture> {
  const servers: RunningServer[] = [];
  const simulators = {} as Record<ScenarioName, Simulator>;
  const close = async () => {
    await Promise.all([
      ...Object.values(simulators).map((simulator) => simulator.close()),
      ...servers.map((server) => server.close()),
    ]);
  };
  try {
    for (const name of scenarioNames) {
      simulators[name] = await startSimulator(providerOf[name], simulatorOptions);
    }
    const elsewhere = await startRecordingServer();
    servers.push(elsewhere);
    const proxy = await startRedirectingProxy(simulators.redirect.url, elsewhere.url);
    servers.push(proxy);
    const control = await startControlServer(new Map(Object.entries(simulators)));
    servers.push(control);

    const targets = {} as Record<ScenarioName, ScenarioTarget>;
    for (const name of scenarioNames) {
      const simulator = simulators[name];
      const account = simulator.accounts[0];
      if (!account) throw new Error(`the ${simulator.provider} simulator has no account`);
      targets[name] = {
        url: name === "redirect" ? proxy.url : simulator.url,
        simulator: name,
        credentials: Object.fromEntries(
          Object.entries(account.credentials).map(([field, value]) => [field, String(value)]),
        ),
      };
    }
    return {
      config: { controlUrl: control.url, elsewhereUrl: elsewhere.url, targets },
      simulators,
      elsewhere,
      async close() {
        try {
          for (const simulator of Object.values(simulators)) simulator.assertNoViolations();
        } finally {
          await close();
        }
      },
    };
  } catch (error) {
    await close();
    throw error;
  }
}
