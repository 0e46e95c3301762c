import type * as Default from "./cookie-jar.js";

/**
 * The browser build's `createCookieJar`: no jar. `Cookie` is a forbidden request header and
 * `Set-Cookie` is never shown to a script, so a jar could neither learn a cookie nor send one; the
 * browser keeps the provider's cookies itself (sent back with `credentials: "include"`).
 */
export const createCookieJar: typeof Default.createCookieJar = () => undefined;
