import type { VeroOmsCredentials } from "@loginkit/vero-oms";
import type { ScenarioTarget } from "../scenario-types.js";

/** The target's account as Vero's client takes it. */
export function veroCredentials(target: ScenarioTarget): VeroOmsCredentials {
  return {
    identifier: target.credentials.identifier ?? "",
    password: target.credentials.password ?? "",
  };
}
