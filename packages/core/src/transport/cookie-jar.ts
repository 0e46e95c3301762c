interface Cookie {
  value: string;
  expiresAt?: number;
}

/**
 * A deliberately small cookie jar, scoped to exact origins, for providers whose flows carry
 * state in a cookie (Vero's password recovery). Not `tough-cookie`: that is ~100 KB with a
 * public-suffix list and Node-isms, and browsers manage cookies themselves anyway (`Cookie` is a
 * forbidden request header there). Domain and Path attributes are ignored: a cookie goes back
 * only to the origin that set it, which is stricter than a browser.
 */
export class CookieJar {
  readonly #origins = new Map<string, Map<string, Cookie>>();

  /** Remembers the `Set-Cookie` headers of a response from `url`'s origin. */
  capture(url: URL, headers: Headers): void {
    const lines = typeof headers.getSetCookie === "function" ? headers.getSetCookie() : [];
    for (const line of lines) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      if (separator <= 0) continue;
      const name = pair.slice(0, separator).trim();
      const cookies = this.#origins.get(url.origin) ?? new Map<string, Cookie>();
      this.#origins.set(url.origin, cookies);
      const expiresAt = readExpiry(attributes);
      if (expiresAt !== undefined && expiresAt <= Date.now()) cookies.delete(name);
      else cookies.set(name, { value: pair.slice(separator + 1).trim(), expiresAt });
    }
  }

  /** The `Cookie` header value for a request to `url`, or `undefined` when there is none. */
  headerFor(url: URL): string | undefined {
    const cookies = this.#origins.get(url.origin);
    if (!cookies) return undefined;
    const now = Date.now();
    const pairs: string[] = [];
    for (const [name, cookie] of cookies) {
      if (cookie.expiresAt !== undefined && cookie.expiresAt <= now) cookies.delete(name);
      else pairs.push(`${name}=${cookie.value}`);
    }
    return pairs.length > 0 ? pairs.join("; ") : undefined;
  }

  clear(): void {
    this.#origins.clear();
  }
}

function readExpiry(attributes: string[]): number | undefined {
  let expires: number | undefined;
  for (const attribute of attributes) {
    const [key = "", value = ""] = attribute.split("=", 2).map((part) => part.trim());
    // Max-Age wins over Expires (RFC 6265 §5.3).
    if (key.toLowerCase() === "max-age" && /^-?\d+$/.test(value)) {
      return Date.now() + Number(value) * 1000;
    }
    if (key.toLowerCase() === "expires")
      expires = Date.parse(attribute.slice(attribute.indexOf("=") + 1));
  }
  return Number.isFinite(expires) ? expires : undefined;
}

/**
 * A new jar, for a client whose provider describes `cookies: true`. Typed as possibly `undefined`
 * because its browser variant (cookie-jar.browser.ts) shares this type and gives no jar.
 */
export function createCookieJar(): CookieJar | undefined {
  return new CookieJar();
}
