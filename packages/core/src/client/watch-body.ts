import type { ErrorRequest } from "../errors/LoginkitError.js";
import { joinChunks } from "../utils/join-chunks.js";
import type { Exchange } from "./exchange.js";
import { toExchangeError } from "./exchange-errors.js";

/** What a watched body needs: its exchange, and how to describe and scrub a failure. */
export interface BodyWatch {
  readonly exchange: Exchange;
  readonly request: ErrorRequest;
  readonly timeout: number | false;
  readonly callerSignal: AbortSignal | undefined;
  scrub(error: unknown): unknown;
  /** The wrapper handed out as `response.body`, made on first use. */
  stream?: ReadableStream<Uint8Array> | null;
}

const WATCH = Symbol("loginkit.bodyWatch");
type Watched = Response & { [WATCH]: BodyWatch };

const readOriginalBody = Object.getOwnPropertyDescriptor(Response.prototype, "body")?.get as (
  this: Response,
) => ReadableStream<Uint8Array> | null;

/**
 * Hands `response` back as fetch gave it (the same object), its body watched: while the caller
 * reads it, no bytes for `timeout` ms is a `TimeoutError`, a connection cut is a `NetworkError`,
 * the caller's abort an `AbortError`, whatever its content type. Reading it is never a reason to
 * send anything again. Once the body is read, cancelled or failed, the exchange is released, so
 * nothing stays attached to the caller's signal.
 */
export function watchBody(response: Response, watch: BodyWatch): Response {
  const { exchange } = watch;
  const emptyAnswer = response.headers.get("content-length") === "0";
  // Only a platform Response can be watched from its prototype; an exotic one goes back as is.
  if (response.body === null || emptyAnswer || !(response instanceof Response)) {
    exchange.release();
    return response;
  }
  Object.setPrototypeOf(response, watchedPrototypeOf(Object.getPrototypeOf(response)));
  (response as Watched)[WATCH] = watch;
  return response;
}

async function readAll(response: Watched): Promise<Uint8Array<ArrayBuffer>> {
  const watch = response[WATCH];
  const source = readOriginalBody.call(response);
  if (source === null) {
    watch.exchange.release();
    return new Uint8Array(0);
  }
  if (response.bodyUsed || source.locked) {
    // What fetch itself says for a second read: the caller's mistake, not the network's.
    throw new TypeError("Body is unusable: Body has already been read");
  }
  const reader = source.getReader();
  const { exchange } = watch;
  const chunks: Uint8Array[] = [];
  let size = 0;
  exchange.follow(reader);
  try {
    for (;;) {
      if (exchange.ended) throw exchange.signal.reason;
      const { done, value } = await reader.read();
      // An early end cancels the reader, which ends its pending read as if the body were done.
      if (exchange.ended) throw exchange.signal.reason;
      if (done) break;
      exchange.progress();
      chunks.push(value);
      size += value.byteLength;
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw toReadError(error, watch);
  } finally {
    watch.exchange.release();
  }
  return joinChunks(chunks, size);
}

/** The caller's stream of the body, pulled on demand so the timer runs only while it reads. */
function watchedStream(response: Watched): ReadableStream<Uint8Array> | null {
  const watch = response[WATCH];
  if (watch.stream !== undefined) return watch.stream;
  const source = readOriginalBody.call(response);
  if (source === null || response.bodyUsed || source.locked) return source;
  let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  watch.stream = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        reader ??= source.getReader();
        try {
          const { done, value } = await watch.exchange.wait(reader.read());
          if (done) {
            watch.exchange.release();
            controller.close();
            return;
          }
          watch.exchange.progress();
          controller.enqueue(value);
        } catch (error) {
          watch.exchange.release();
          reader.cancel().catch(() => {});
          controller.error(toReadError(error, watch));
        }
      },
      cancel(reason) {
        watch.exchange.release();
        return (reader ?? source).cancel(reason);
      },
    },
    { highWaterMark: 0 },
  );
  return watch.stream;
}

function toReadError(error: unknown, watch: BodyWatch): unknown {
  return toExchangeError(error, watch.exchange, {
    ...watch,
    signal: watch.callerSignal,
  });
}

const decoder = new TextDecoder();

async function readText(this: Watched): Promise<string> {
  return decoder.decode(await readAll(this));
}

const watchedMethods: Record<string, (this: Watched) => Promise<unknown>> = {
  text: readText,
  async json(this: Watched) {
    return JSON.parse(await readText.call(this));
  },
  async arrayBuffer(this: Watched) {
    return (await readAll(this)).buffer;
  },
  async bytes(this: Watched) {
    return readAll(this);
  },
  async blob(this: Watched) {
    const type = this.headers.get("content-type") ?? "";
    return new Blob([await readAll(this)], { type });
  },
  async formData(this: Watched) {
    const bytes = await readAll(this);
    return new Response(bytes, { headers: this.headers }).formData();
  },
};

/** Watched readers over the answer's own prototype (a Response subclass, as MSW's, keeps its own). */
const watchedPrototypes = new WeakMap<object, object>();

function watchedPrototypeOf(prototype: object): object {
  let watched = watchedPrototypes.get(prototype);
  if (watched === undefined) {
    watched = Object.create(prototype, {
      body: {
        configurable: true,
        get(this: Watched) {
          return watchedStream(this);
        },
      },
      ...Object.fromEntries(
        Object.entries(watchedMethods)
          .filter(([name]) => name in Response.prototype)
          .map(([name, value]) => [name, { configurable: true, writable: true, value }]),
      ),
    }) as object;
    watchedPrototypes.set(prototype, watched);
  }
  return watched;
}
