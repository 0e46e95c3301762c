import { createVeroOmsClient } from "@loginkit/vero-oms";
import type { ScenarioConfig, ScenarioName } from "../scenario-types.js";
import type { Control } from "./control.js";

/**
 * Vero's password recovery: start sets a cookie that verify and reset must send back. Outside
 * browsers the client's cookie jar does it; in a browser `Cookie` is a forbidden header, so the
 * browser's own jar must, which it does across origins only with `credentials: "include"`.
 */
export function recoverPassword(
  name: Extract<ScenarioName, "recovery-with-jar" | "recovery-with-include">,
  credentials?: RequestCredentials,
) {
  return async ({ targets }: ScenarioConfig, control: Control) => {
    const target = targets[name];
    const email = target.credentials.identifier ?? "";
    const vero = createVeroOmsClient({ baseUrl: target.url });
    const init = credentials === undefined ? {} : { credentials };
    const started = await vero.operations.startPasswordRecovery({ body: { email }, ...init });
    const code = await control.lastCode(target.simulator, email);
    const verified = await vero.operations.verifyPasswordRecovery({ body: { code }, ...init });
    const steps = { started: started.data ?? null, verifiedStatus: verified.response.status };
    if (!verified.response.ok) return steps;

    const password = `new-password-${crypto.randomUUID()}`;
    const reset = await vero.operations.resetPassword({ body: { password }, ...init });
    const withNewPassword = createVeroOmsClient({
      baseUrl: target.url,
      credentials: { identifier: email, password },
    });
    const signedIn = await withNewPassword.login();
    return {
      ...steps,
      verified: verified.data ?? null,
      resetSignedIn: typeof reset.data?.jwt === "string",
      newPasswordSignsIn: typeof signedIn.jwt === "string",
    };
  };
}
