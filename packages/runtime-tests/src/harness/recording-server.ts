import type { IncomingHttpHeaders } from "node:http";
import { corsHeaders } from "./cors-headers.js";
import { type RunningServer, startHttpServer } from "./start-http-server.js";

export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
}

export interface RecordingServer extends RunningServer {
  readonly requests: readonly RecordedRequest[];
}

/**
 * A server of no provider ("elsewhere") that records every request, preflights included, and
 * allows any header a preflight asks for: a credential sent by mistake arrives and is seen.
 */
export async function startRecordingServer(): Promise<RecordingServer> {
  const requests: RecordedRequest[] = [];
  const server = await startHttpServer((request, response) => {
    requests.push({
      method: request.method ?? "",
      path: request.url ?? "",
      headers: request.headers,
    });
    request.resume();
    response.writeHead(request.method === "OPTIONS" ? 204 : 200, {
      ...corsHeaders(request),
      "content-type": "application/json",
    });
    response.end(request.method === "OPTIONS" ? undefined : JSON.stringify({ elsewhere: true }));
  });
  return { ...server, requests };
}
