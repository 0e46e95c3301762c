import type { IncomingMessage } from "node:http";

/**
 * A node:http request as the fetch `Request` the simulator handles; `signal` aborts when the
 * client goes away. The body is streamed, not buffered: the simulator reads it through its cap
 * and stops there, so a never-ending upload is never held whole. Throws (a `TypeError`) for what
 * fetch cannot express, e.g. a `TRACE` method: the server answers that 400.
 */
export function toFetchRequest(
  incoming: IncomingMessage,
  origin: string,
  signal: AbortSignal,
): Request {
  const method = (incoming.method ?? "GET").toUpperCase();
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item);
  }
  const hasBody = method !== "GET" && method !== "HEAD";
  return new Request(new URL(incoming.url ?? "/", origin), {
    method,
    headers,
    body: hasBody ? streamBody(incoming) : undefined,
    signal,
    // A streamed request body must say so (fetch spec); not yet in every RequestInit type.
    duplex: "half",
  } as RequestInit);
}

/** The request body as a stream that reads from the socket only as fast as it is consumed. */
function streamBody(incoming: IncomingMessage): ReadableStream<Uint8Array> {
  const onData = (chunk: Buffer) => {
    if (!controller) return;
    controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    if ((controller.desiredSize ?? 0) <= 0) incoming.pause();
  };
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  const stop = () => {
    controller = undefined;
    incoming.removeListener("data", onData);
  };
  return new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
        incoming.on("data", onData);
        incoming.once("end", () => {
          controller?.close();
          stop();
        });
        incoming.once("close", () => {
          if (controller && !incoming.complete)
            controller.error(new Error("the client closed the connection mid-body"));
          stop();
        });
      },
      pull() {
        incoming.resume();
      },
      cancel() {
        // The rest stays unread in the socket; the server answers and closes the connection.
        stop();
        incoming.pause();
      },
    },
    { highWaterMark: 65_536, size: (chunk) => chunk.byteLength },
  );
}
