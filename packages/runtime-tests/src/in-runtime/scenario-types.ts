/** Where one scenario's client points: a simulator, or a server in front of one. */
export interface ScenarioTarget {
  /** The client's base URL. */
  readonly url: string;
  /** The simulator's name at the control server (to expire its tokens, read its messages). */
  readonly simulator: string;
  /** An account's credentials, as the client takes them. */
  readonly credentials: Readonly<Record<string, string>>;
}

export const scenarioNames = [
  "sign-in",
  "renewal-by-sign-in",
  "renewal-by-refresh",
  "single-flight",
  "credential-scope",
  "redirect",
  "recovery-with-jar",
  "recovery-with-include",
] as const;

export type ScenarioName = (typeof scenarioNames)[number];

/** Everything a runtime needs to run the scenarios: plain JSON, so it crosses any boundary. */
export interface ScenarioConfig {
  /** The test harness's control server (expire tokens, read a sent code). */
  readonly controlUrl: string;
  /** A server of no provider that records what it receives. */
  readonly elsewhereUrl: string;
  readonly targets: Readonly<Record<ScenarioName, ScenarioTarget>>;
  /** Scenarios to run; every one when absent. */
  readonly only?: readonly ScenarioName[];
}

/** What a scenario saw, or the error that stopped it (name and message only: never a secret). */
export type ScenarioOutcome =
  | { readonly ok: true; readonly observed: Record<string, unknown> }
  | { readonly ok: false; readonly error: { readonly name: string; readonly message: string } };

export type ScenarioResults = Partial<Record<ScenarioName, ScenarioOutcome>>;
