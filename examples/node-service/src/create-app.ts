import { Hono } from "hono";

/** What the routes need of the org-platform client: its authenticated, renewing `fetch`. */
export interface PlatformCaller {
  fetch(input: URL, init?: RequestInit): Promise<Response>;
}

/**
 * The service's routes. `GET /platform/<path>` calls org-platform's `<path>` with the service
 * account's session (signed in, renewed and replayed by loginkit) and answers what it answered;
 * the caller's own headers (cookies, Authorization) are not passed on.
 */
export function createApp(platform: PlatformCaller, platformUrl: string, workerName: string) {
  const app = new Hono();
  app.get("/health", (context) => context.text("ok"));
  app.get("/platform/*", async (context) => {
    // Only the path crosses over, appended to the platform's URL: `//other.host/x` stays a path
    // on the platform's origin.
    const upstream = new URL(platformUrl);
    upstream.pathname =
      upstream.pathname.replace(/\/$/, "") + context.req.path.slice("/platform".length);
    upstream.search = new URL(context.req.url).search;
    try {
      const answer = await platform.fetch(upstream, {
        headers: { accept: "application/json" },
        signal: context.req.raw.signal, // a caller that hangs up ends the call
      });
      return new Response(answer.body, {
        status: answer.status,
        headers: {
          "content-type": answer.headers.get("content-type") ?? "application/json",
          "x-served-by": workerName,
        },
      });
    } catch (error) {
      // loginkit's errors are typed and hold no secret; the name is what a caller can act on.
      return context.json({ error: (error as Error).name }, 502);
    }
  });
  return app;
}
