import { createVeroOmsClient } from "@loginkit/vero-oms";
import type { ScenarioConfig } from "../scenario-types.js";
import { readProtected } from "./read-protected.js";
import { veroCredentials } from "./vero-credentials.js";

/** Signs in explicitly, then makes a protected call with the token it got. */
export async function signIn({ targets }: ScenarioConfig) {
  const target = targets["sign-in"];
  const vero = createVeroOmsClient({ baseUrl: target.url, credentials: veroCredentials(target) });
  const signedIn = await vero.signIn();
  return {
    // Whether a JWT came back, never the JWT itself: results are printed.
    receivedJwt: typeof signedIn.jwt === "string" && signedIn.jwt.split(".").length === 3,
    protected: await readProtected(vero.fetch),
  };
}
