import { createVeroOmsClient } from "@loginkit/vero-oms";
import type { ScenarioConfig, ScenarioName } from "../scenario-types.js";
import type { Control } from "./control.js";

/**
 * Vero's password recovery: start sets a cookie that verify and reset must send back. Outside
 * browsers the client's cookie jar does it. In a browser `Cookie` is a forbidden header and
 * `Set-Cookie` is never shown to a script, so the browser's own jar must, which it fills and sends
 * across origins only for requests made with `credentials: "include"`: here set on the client's
 * transport (its `fetch` option), so every request core sends, hop by hop, carries it.
 */
export function recoverPassword(
  name: Extract<ScenarioName, "recovery-with-jar" | "recovery-with-include">,
  credentials?: RequestCredentials,
) {
  return async ({ targets }: ScenarioConfig, control: Control) => {
    const target = targets[name];
    const email = target.credentials.identifier ?? "";
    const vero = createVeroOmsClient({
      baseUrl: target.url,
      ...(credentials === undefined
        ? {}
        : {
            fetch: (input: RequestInfo | URL, init?: RequestInit) =>
              fetch(input, { ...init, credentials }),
          }),
    });
    const started = await vero.operations.startPasswordRecovery({ body: { email } });
    const code = await control.lastCode(target.simulator, email);
    const verified = await vero.operations.verifyPasswordRecovery({ body: { code } });
    const steps = { started: started.data ?? null, verifiedStatus: verified.response.status };
    if (!verified.response.ok) return steps;

    const password = `new-password-${crypto.randomUUID()}`;
    const reset = await vero.operations.resetPassword({ body: { password } });
    const withNewPassword = createVeroOmsClient({
      baseUrl: target.url,
      credentials: { identifier: email, password },
    });
    const signedIn = await withNewPassword.signIn();
    return {
      ...steps,
      verified: verified.data ?? null,
      resetSignedIn: typeof reset.data?.jwt === "string",
      newPasswordSignsIn: typeof signedIn.jwt === "string",
    };
  };
}
