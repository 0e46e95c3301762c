import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FetchHandler } from "../simulator/fetch-handler.js";
import { toFetchRequest } from "./to-fetch-request.js";
import { writeFetchResponse } from "./write-fetch-response.js";

export interface ServeOptions {
  /** @default 0 (any free port) */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
}

export interface ServedHandler {
  /** e.g. `http://127.0.0.1:53211` */
  readonly url: string;
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler over node:http, e.g. a simulator whose answers a test rewrites:
 * `serveFetchHandler(async (request) => drift(await sim.handle(request)))`.
 */
export async function serveFetchHandler(
  handler: FetchHandler,
  options: ServeOptions = {},
): Promise<ServedHandler> {
  let origin = "";
  const server = createServer((incoming, outgoing) => {
    const aborted = new AbortController();
    outgoing.once("close", () => {
      if (!outgoing.writableFinished) aborted.abort(new Error("the client closed the connection"));
    });
    toFetchRequest(incoming, origin, aborted.signal)
      .then(handler)
      .then((response) => writeFetchResponse(outgoing, response))
      .catch((error: unknown) => {
        if (!outgoing.headersSent) outgoing.writeHead(500).end(String(error));
        else outgoing.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  origin = `http://${host}:${address.port}`;
  return {
    url: origin,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
