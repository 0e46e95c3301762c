import { createVeroOmsClient } from "@loginkit/vero-oms";
import type { ScenarioConfig } from "../scenario-types.js";
import { readProtected } from "./read-protected.js";
import { veroCredentials } from "./vero-credentials.js";

/**
 * The target is a server in front of the simulator that redirects `/moved` to the protected
 * endpoint on its own origin, `/away` (GET) and `/away-with-body` (POST, 307) to another origin.
 */
export async function redirect({ targets }: ScenarioConfig) {
  const target = targets.redirect;
  const vero = createVeroOmsClient({ baseUrl: target.url, credentials: veroCredentials(target) });
  const moved = await readProtected(vero.fetch, "/moved");
  const away = await vero.fetch("/away");
  await away.body?.cancel();
  const withBody = await vero.fetch("/away-with-body", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ note: "for the provider only" }),
  });
  await withBody.body?.cancel();
  return {
    moved,
    away: { status: away.status },
    withBody: { status: withBody.status, type: withBody.type },
  };
}
