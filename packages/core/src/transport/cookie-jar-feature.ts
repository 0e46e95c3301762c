import { createCookieJar as createForThisBuild } from "#cookie-jar";
import type { CookieJar } from "./cookie-jar.js";

/**
 * The cookie jar as a feature, handed over by providers that describe `cookies: true`:
 * `undefined` in the browser build, where the browser keeps cookies itself. Declared here rather
 * than re-exported from `#cookie-jar` so the published types name no `#` import, which
 * TypeScript's older `node10` resolution cannot follow.
 */
export const createCookieJar: () => CookieJar | undefined = createForThisBuild;
