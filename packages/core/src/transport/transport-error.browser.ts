import { toNoResponseError } from "./no-response-error.js";
import type * as Default from "./transport-error.js";

/**
 * The browser build's `toTransportError`: every failure is a `NetworkError`. A browser's fetch
 * rejects with a bare "Failed to fetch" whatever went wrong, a refused redirect included, so the
 * cause undici names (which the default build reads to tell a redirect it will not follow) never
 * exists here.
 */
export const toTransportError: typeof Default.toTransportError = toNoResponseError;
