import type { ServerResponse } from "node:http";

/**
 * Sends a fetch `Response` on a node:http response. A body stream that errors midway (the
 * `reset` fault) destroys the socket after what was already written, as a crashed server would.
 * Writes wait for the socket to drain and stop when the client goes away, so a long (or endless)
 * body costs no more memory than the socket's buffer.
 */
export async function writeFetchResponse(
  outgoing: ServerResponse,
  response: Response,
): Promise<void> {
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") headers[name] = value;
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  outgoing.writeHead(response.status, headers);
  if (response.body === null) {
    outgoing.end();
    return;
  }
  const reader = response.body.getReader();
  const gone = new Promise<"gone">((resolve) => outgoing.once("close", () => resolve("gone")));
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (outgoing.destroyed) break;
      if (!outgoing.write(value)) {
        const drained = new Promise<"drained">((resolve) =>
          outgoing.once("drain", () => resolve("drained")),
        );
        if ((await Promise.race([drained, gone])) === "gone") break;
      }
    }
    if (outgoing.destroyed) await reader.cancel().catch(() => {});
    else outgoing.end();
  } catch {
    // Let the partial write reach the client before the connection dies.
    setTimeout(() => outgoing.socket?.destroy(), 5);
  }
}
