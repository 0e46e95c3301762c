import { request as forward } from "node:http";
import { corsHeaders } from "./cors-headers.js";
import { type RunningServer, startHttpServer } from "./start-http-server.js";

/**
 * A provider's front that redirects: `GET /moved` → 302 to `/__loginkit/protected` on its own
 * origin, `GET /away` → 302 and `POST /away-with-body` → 307 to `elsewhereUrl`; everything else
 * is passed to the simulator at `targetUrl`. It answers CORS itself, like a provider's gateway.
 */
export function startRedirectingProxy(
  targetUrl: string,
  elsewhereUrl: string,
): Promise<RunningServer> {
  const redirects: Record<string, { status: number; location: string }> = {
    "GET /moved": { status: 302, location: "/__loginkit/protected" },
    "GET /away": { status: 302, location: `${elsewhereUrl}/redirected-here` },
    "POST /away-with-body": { status: 307, location: `${elsewhereUrl}/redirected-with-body` },
  };
  const target = new URL(targetUrl);
  return startHttpServer((request, response) => {
    const cors = corsHeaders(request);
    const redirect = redirects[`${request.method} ${request.url}`];
    if (request.method === "OPTIONS" || redirect !== undefined) {
      request.resume();
      if (redirect === undefined) response.writeHead(204, cors);
      else response.writeHead(redirect.status, { ...cors, location: redirect.location });
      response.end();
      return;
    }
    const upstream = forward(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: { ...request.headers, host: target.host },
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, ...cors });
        answer.pipe(response);
      },
    );
    upstream.on("error", (error) => {
      response.writeHead(502, cors);
      response.end(String(error));
    });
    request.pipe(upstream);
  });
}
