// A tiny login API on 127.0.0.1, run in a child process (see start-login-api.ts) so the client
// under test has the benchmark process's CPU to itself. It stops when its parent disconnects,
// and in any case after `lifetimeMs`, so a crashed benchmark cannot leave it running.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { ServerCommand, ServerReply } from "./server-protocol.js";

const lifetimeMs = 20 * 60_000;
const tokenLifetimeMs = 60 * 60_000;

/** Tokens of older generations are rejected: `expire` makes every issued token stale at once. */
let generation = 0;
let signIns = 0;
let signInDelayMs = 0;

const ordersBody = JSON.stringify({ orders: [{ id: "o-1", status: "open" }] });
const createdBody = JSON.stringify({ id: "o-2", status: "open" });

function isCurrentToken(authorization: string | undefined): boolean {
  return authorization?.startsWith(`Bearer g${generation}.`) ?? false;
}

async function signIn(request: IncomingMessage, response: ServerResponse) {
  for await (const _chunk of request) {
    // The credentials are not checked: reading them is part of a real sign-in's cost.
  }
  signIns++;
  if (signInDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, signInDelayMs));
  const body = JSON.stringify({
    jwt: `g${generation}.${signIns}`,
    session: { expires_at: new Date(Date.now() + tokenLifetimeMs).toISOString() },
  });
  response.writeHead(200, { "content-type": "application/json" }).end(body);
}

/** `POST /api/orders`: the JSON body read whole, a small JSON answer (a login API's common call). */
async function createOrder(request: IncomingMessage, response: ServerResponse) {
  for await (const _chunk of request) {
    // Read, not parsed: the same cost for every client.
  }
  if (isCurrentToken(request.headers.authorization)) {
    response.writeHead(201, { "content-type": "application/json" }).end(createdBody);
  } else {
    response.writeHead(401, { "content-type": "application/json" });
    response.end(JSON.stringify({ error: "token_expired" }));
  }
}

const server = createServer((request, response) => {
  if (request.method === "POST" && request.url === "/api/auth/login") {
    void signIn(request, response);
  } else if (request.method === "POST" && request.url === "/api/orders") {
    void createOrder(request, response);
  } else if (request.method === "GET" && request.url === "/api/orders") {
    if (isCurrentToken(request.headers.authorization)) {
      response.writeHead(200, { "content-type": "application/json" }).end(ordersBody);
    } else {
      response.writeHead(401, { "content-type": "application/json" });
      response.end(JSON.stringify({ error: "token_expired" }));
    }
  } else {
    response.writeHead(404).end();
  }
});
server.keepAliveTimeout = 60_000;

function reply(message: ServerReply) {
  process.send?.(message);
}

process.on("message", (command: ServerCommand) => {
  if (command.type === "expire") generation++;
  if (command.type === "reset") {
    signIns = 0;
    // Earlier storms' keep-alive sockets would otherwise pile up in both processes (EMFILE).
    server.closeIdleConnections();
  }
  if (command.type === "configure") signInDelayMs = command.signInDelayMs;
  reply({ type: "state", signIns, generation });
});
process.on("disconnect", () => process.exit(0));
setTimeout(() => process.exit(0), lifetimeMs).unref();

server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  if (typeof address === "object" && address) reply({ type: "listening", port: address.port });
});
