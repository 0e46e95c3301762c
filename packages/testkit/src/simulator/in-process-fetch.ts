import type { FetchHandler } from "./fetch-handler.js";

/**
 * A `fetch` that hands requests for `baseUrl`'s origin to the handler, in process. Relative URLs
 * resolve against `baseUrl`; another origin fails as an unreachable host would (a `TypeError`), so
 * a client pointed elsewhere is noticed; an aborted signal rejects with its reason, like fetch.
 */
export function createInProcessFetch(baseUrl: string, handle: FetchHandler): typeof fetch {
  const origin = new URL(baseUrl).origin;
  return async (input, init) => {
    const resolved =
      typeof input === "string" && !/^[a-z][a-z\d+.-]*:/i.test(input)
        ? new URL(input, baseUrl)
        : input;
    const request = new Request(resolved, init);
    if (new URL(request.url).origin !== origin) {
      throw new TypeError(
        `fetch failed: ${new URL(request.url).origin} is not this simulator (${origin})`,
      );
    }
    const { signal } = request;
    signal.throwIfAborted();
    return await new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener("abort", onAbort, { once: true });
      handle(request)
        .then(resolve, reject)
        .finally(() => signal.removeEventListener("abort", onAbort));
    });
  };
}
