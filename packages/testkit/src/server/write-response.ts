import type { ServerResponse } from "node:http";

export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Exactly what goes on the wire. */
  readonly text?: string;
  /** Destroy the socket after half of `text` was written (the `reset` fault). */
  readonly resetMidway?: boolean;
}

export function writeResponse(outgoing: ServerResponse, response: WireResponse, now: Date): void {
  const text = response.text ?? "";
  const length = Buffer.byteLength(text);
  outgoing.writeHead(response.status, {
    date: now.toUTCString(),
    ...response.headers,
    "content-length": String(length),
  });
  if (!response.resetMidway) {
    outgoing.end(text);
    return;
  }
  outgoing.write(text.slice(0, Math.floor(text.length / 2)) || " ");
  // Let the partial write reach the client before the connection dies.
  setTimeout(() => outgoing.socket?.destroy(), 5);
}
