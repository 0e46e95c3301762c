import { decideRedirect, type Hop } from "../retry/resend-policy.js";
import { readLocation } from "../transport/read-location.js";
import type { Transport } from "../transport/transport.js";
import type { RequestPlan } from "./request-plan.js";

/**
 * The next hop when `response` is a redirect of a trusted hop that core follows by hand (see
 * `decideRedirect`), or `undefined` to hand the response back. Where fetch shows a manual
 * redirect's Location (Node, Bun, Deno, workers, edge functions) core reads it, so credentials are
 * decided again at every hop. The browser build swaps this module (package.json `imports`).
 */
export function followRedirect(
  plan: RequestPlan,
  hop: Hop,
  response: Response,
  transport: Transport,
): Hop | undefined {
  const location = response.headers.get("location");
  if (location === null || response.status < 300 || response.status > 399) return undefined;
  const url = readLocation(location, hop.url, plan.request);
  return decideRedirect(
    plan,
    hop,
    response,
    { url, trusted: transport.isTrusted(url) },
    plan.request,
  );
}
