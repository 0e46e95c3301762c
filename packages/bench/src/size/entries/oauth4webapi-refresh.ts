// oauth4webapi's refresh subset: discovery, a refresh-token grant and its checked response. The
// app keeps the token, attaches it and decides when to refresh: no single flight, no retry.
import {
  discoveryRequest,
  None,
  processDiscoveryResponse,
  processRefreshTokenResponse,
  refreshTokenGrantRequest,
} from "oauth4webapi";

const issuer = new URL("https://platform.verolabs.co");
const client = { client_id: "app" };

export async function refresh(refreshToken: string) {
  const as = await processDiscoveryResponse(issuer, await discoveryRequest(issuer));
  const response = await refreshTokenGrantRequest(as, client, None(), refreshToken);
  return processRefreshTokenResponse(as, client, response);
}
