import { createOrgPlatformClient } from "@loginkit/org-platform";
import type { ScenarioConfig } from "../scenario-types.js";
import { readProtected } from "./read-protected.js";

/**
 * A signed-in client (token, `organization_id` input header, an extra header) calls another
 * origin: the server there must see none of them.
 */
export async function credentialScope({ targets, elsewhereUrl }: ScenarioConfig) {
  const target = targets["credential-scope"];
  const platform = createOrgPlatformClient({
    baseUrl: target.url,
    organizationId: "org-7",
    headers: { "x-tenant-secret": "only-for-the-provider" },
    credentials: {
      username: target.credentials.username ?? "",
      password: target.credentials.password ?? "",
    },
  });
  const own = await readProtected(platform.fetch);
  const response = await platform.fetch(`${elsewhereUrl}/credential-scope`);
  await response.body?.cancel();
  return { own, elsewhereStatus: response.status };
}
