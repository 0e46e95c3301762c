import { ConfigurationError } from "@loginkit/core";

/**
 * `propagateTo` as a set of origins. Trace context tells a server which trace a call belongs to
 * and, in a browser, a header a CORS server did not allow fails the call: it goes only where
 * the user says.
 */
export function readPropagationOrigins(propagateTo: unknown): ReadonlySet<string> {
  if (propagateTo === undefined) return new Set();
  if (!Array.isArray(propagateTo)) {
    throw new ConfigurationError(
      '`propagateTo` must be an array of http(s) origins, such as ["https://api.example.com"]',
      { option: "propagateTo" },
    );
  }
  return new Set(
    propagateTo.map((origin, index) => {
      let url: URL | undefined;
      try {
        url = typeof origin === "string" || origin instanceof URL ? new URL(origin) : undefined;
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
        // The value itself is not quoted: a URL may carry user info.
        throw new ConfigurationError(`\`propagateTo[${index}]\` must be an http(s) URL`, {
          option: `propagateTo[${index}]`,
        });
      }
      return url.origin;
    }),
  );
}
