import { type RunningServer, startHttpServer } from "./start-http-server.js";

/** Serves a page that loads `script`, as a user's app would be served: its own origin. */
export function servePage(script: string): Promise<RunningServer> {
  const html =
    '<!doctype html><meta charset="utf-8"><title>loginkit</title><div id="root"></div><script src="/app.js"></script>';
  return startHttpServer((request, response) => {
    request.resume();
    if (request.url === "/app.js") {
      response.writeHead(200, { "content-type": "text/javascript; charset=utf-8" });
      response.end(script);
    } else if (request.url === "/") {
      response.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      response.end(html);
    } else {
      response.writeHead(404);
      response.end();
    }
  });
}
