import type { SessionEvent, TokenStore } from "@loginkit/core";
import { createOrgPlatformClient, type OrgPlatformCredentials } from "@loginkit/org-platform";
import { createVeroOmsClient, type VeroOmsCredentials } from "@loginkit/vero-oms";
import type { FleetProvider } from "./fleet-protocol.js";

interface FleetClientOptions {
  readonly provider: FleetProvider;
  readonly baseUrl: string;
  readonly credentials: Readonly<Record<string, unknown>>;
  readonly tokenStore?: TokenStore;
  readonly onEvent: (event: SessionEvent) => void;
  readonly fetch: typeof fetch;
  readonly timeout?: number;
  readonly leaseTtl?: number;
}

/** A generated client as a service would create it, pointed at the simulator. */
export function createFleetClient(options: FleetClientOptions) {
  const common = {
    baseUrl: options.baseUrl,
    onEvent: options.onEvent,
    fetch: options.fetch,
    ...(options.timeout ? { timeout: options.timeout } : {}),
    ...(options.leaseTtl ? { leaseTtl: options.leaseTtl } : {}),
    ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
  };
  if (options.provider === "org-platform") {
    return createOrgPlatformClient({
      ...common,
      credentials: options.credentials as OrgPlatformCredentials,
    });
  }
  return createVeroOmsClient({ ...common, credentials: options.credentials as VeroOmsCredentials });
}
