import { createOrgPlatformClient } from "@loginkit/org-platform";
import { createVeroOmsClient } from "@loginkit/vero-oms";
import type { ScenarioConfig } from "../scenario-types.js";
import type { Control } from "./control.js";
import { readProtected } from "./read-protected.js";
import { veroCredentials } from "./vero-credentials.js";

/** Vero has no refresh: a token the provider rejects with 401 is renewed by signing in again. */
export async function renewBySignIn({ targets }: ScenarioConfig, control: Control) {
  const target = targets["renewal-by-sign-in"];
  const vero = createVeroOmsClient({ baseUrl: target.url, credentials: veroCredentials(target) });
  const before = await readProtected(vero.fetch);
  await control.expireTokens(target.simulator);
  return { before, after: await readProtected(vero.fetch) };
}

/** org-platform answers `token-expired`: renewed with its refresh token, then replayed. */
export async function renewByRefresh({ targets }: ScenarioConfig, control: Control) {
  const target = targets["renewal-by-refresh"];
  const platform = createOrgPlatformClient({
    baseUrl: target.url,
    organizationId: "org-7",
    credentials: {
      username: target.credentials.username ?? "",
      password: target.credentials.password ?? "",
    },
  });
  const before = await readProtected(platform.fetch);
  await control.expireTokens(target.simulator);
  return { before, after: await readProtected(platform.fetch) };
}
