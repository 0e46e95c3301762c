import type { Simulator } from "@loginkit/testkit";
import { type RunningServer, startHttpServer } from "./start-http-server.js";

/**
 * Lets code in another runtime act on the simulators this process holds:
 * `POST /simulators/<name>/expire-tokens` and `GET /simulators/<name>/last-code?to=<address>`.
 * Answers any origin (`*`): it is a test fixture on 127.0.0.1 and holds no credential.
 */
export function startControlServer(
  simulators: ReadonlyMap<string, Simulator>,
): Promise<RunningServer> {
  return startHttpServer((request, response) => {
    request.resume();
    const url = new URL(request.url ?? "/", "http://control");
    const [, root, name = "", action] = url.pathname.split("/");
    const simulator = root === "simulators" ? simulators.get(name) : undefined;
    const send = (status: number, body?: unknown) => {
      response.writeHead(status, {
        "access-control-allow-origin": "*",
        "content-type": "application/json",
      });
      response.end(body === undefined ? undefined : JSON.stringify(body));
    };
    if (simulator === undefined) return send(404, { message: `no simulator ${name}` });
    if (request.method === "POST" && action === "expire-tokens") {
      simulator.expireTokens();
      return send(204);
    }
    if (request.method === "GET" && action === "last-code") {
      const code = simulator.lastMessageTo(url.searchParams.get("to") ?? "")?.code;
      return code === undefined ? send(404, { message: "no code sent" }) : send(200, { code });
    }
    send(404, { message: `no ${request.method} ${url.pathname}` });
  });
}
