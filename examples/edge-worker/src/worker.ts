import { createEnadClient } from "@loginkit/enad";
import { createKvTokenStore, type KvNamespace } from "./kv-token-store.js";

/** The worker's bindings (wrangler.toml `[vars]`, `wrangler secret put`, a KV namespace). */
export interface Env {
  /** Enad's server; unset means the spec's (https://shopper.enad.io). */
  readonly ENAD_BASE_URL?: string;
  readonly ENAD_APP_ID: string;
  readonly ENAD_EMAIL: string;
  /** A secret binding: never a `[vars]` entry. */
  readonly ENAD_PASSWORD: string;
  /** Where the Enad session lives between requests and isolates. */
  readonly TOKENS: KvNamespace;
}

/** Requests under this path are forwarded to Enad, with the service account's token. */
export const forwardedPrefix = "/enad/";

/**
 * A Cloudflare-style worker: `GET /enad/<path>` calls Enad's `<path>` with the worker's Enad
 * session, so the browser never holds an Enad credential. Each request builds its own client;
 * the token comes from the KV store, so a new isolate signs in only when the stored session has
 * expired (loginkit renews it then, and replays a call that got a 401 once).
 */
export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url);
    if (!url.pathname.startsWith(forwardedPrefix))
      return Response.json({ error: "not found" }, { status: 404 });
    if (request.method !== "GET")
      return Response.json({ error: "method not allowed" }, { status: 405 });

    const enad = createEnadClient({
      ...(env.ENAD_BASE_URL ? { baseUrl: env.ENAD_BASE_URL } : {}),
      appId: env.ENAD_APP_ID,
      credentials: { email: env.ENAD_EMAIL, password: env.ENAD_PASSWORD },
      tokenStore: createKvTokenStore(env.TOKENS),
      storeKey: `enad:${env.ENAD_APP_ID}`,
    });
    // Only the path and query cross over, set on Enad's own URL: a path such as `//other.host/`
    // stays a path on Enad's origin. The caller's own headers (cookies, Authorization) stay here.
    const upstream = new URL(env.ENAD_BASE_URL ?? "https://shopper.enad.io");
    upstream.pathname = url.pathname.slice(forwardedPrefix.length - 1);
    upstream.search = url.search;
    try {
      const answer = await enad.fetch(upstream, { headers: { accept: "application/json" } });
      return new Response(answer.body, {
        status: answer.status,
        headers: { "content-type": answer.headers.get("content-type") ?? "application/json" },
      });
    } catch (error) {
      // loginkit's errors are typed and hold no secret; the name is what a caller can act on.
      return Response.json({ error: (error as Error).name }, { status: 502 });
    }
  },
};
