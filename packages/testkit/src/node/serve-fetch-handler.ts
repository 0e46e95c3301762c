import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
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

/** How long a connection whose request body was left unread may keep sending before it is cut. */
const UNREAD_BODY_LINGER_MS = 2_000;

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
    let request: Request;
    try {
      request = toFetchRequest(incoming, origin, aborted.signal);
    } catch {
      answerPlain(incoming, outgoing, 400, "this request cannot be read as a fetch Request");
      return;
    }
    handler(request)
      .then((response) => {
        closeIfBodyUnread(incoming, outgoing);
        return writeFetchResponse(outgoing, response);
      })
      .catch((error: unknown) => {
        if (!outgoing.headersSent) answerPlain(incoming, outgoing, 500, String(error));
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

function answerPlain(
  incoming: IncomingMessage,
  outgoing: ServerResponse,
  status: number,
  message: string,
): void {
  closeIfBodyUnread(incoming, outgoing);
  outgoing.writeHead(status, { "content-type": "application/json" });
  outgoing.end(JSON.stringify({ message }));
}

/**
 * When the answer goes out before the request body was read to its end (413, or a handler that
 * never reads it), the connection cannot carry another request: it is closed after the answer.
 * What the client still sends meanwhile is read and dropped for a moment first, since closing a
 * socket with unread data resets it, and the client could lose the answer.
 */
function closeIfBodyUnread(incoming: IncomingMessage, outgoing: ServerResponse): void {
  if (incoming.complete) return;
  outgoing.setHeader("connection", "close");
  outgoing.once("finish", () => {
    if (incoming.complete) return;
    incoming.resume();
    setTimeout(() => incoming.socket?.destroy(), UNREAD_BODY_LINGER_MS).unref();
  });
}
