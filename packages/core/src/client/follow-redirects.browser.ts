import type * as Default from "./follow-redirects.js";

/**
 * The browser build's `followRedirect`: it follows nothing. A browser answers every redirect of a
 * `redirect: "manual"` request (301, 302, 303, 307, 308) as an opaque one, with status 0 and no
 * Location, which run-request.ts re-sends blind (`followHiddenRedirect`); a 3xx it does show (a
 * 300, a 304) is no redirect fetch would follow either. So the Location parsing, method rewrites
 * and hop counting of the default build are dead code here, and any 3xx goes back to the caller.
 */
export const followRedirect: typeof Default.followRedirect = () => undefined;
