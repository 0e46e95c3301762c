import type * as Default from "./read-log-environment.js";

/**
 * The browser build's `readLogEnvironment`: a page has no environment variables (a `process`
 * there is a bundler's shim), so logging follows the `logLevel` option alone.
 */
export const readLogEnvironment: typeof Default.readLogEnvironment = () => undefined;
