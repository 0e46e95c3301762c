import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

const encoder = new TextEncoder();

/** What a test learns about a body it handed out: bytes pulled and whether a reader cancelled it. */
export interface BodyProbe {
  readonly stream: ReadableStream<Uint8Array>;
  pulledBytes(): number;
  cancelled(): boolean;
}

/** Sends `prefix`, then never another byte, as a provider that stalls after its headers. */
export function stalledBody(prefix = "{"): BodyProbe {
  let cancelled = false;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(prefix));
    },
    pull: () => new Promise<void>(() => {}),
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulledBytes: () => prefix.length, cancelled: () => cancelled };
}

/**
 * Sends `chunkBytes` of `filler` at a time, yielding to timers between chunks, until
 * `totalBytes` (a safety stop, so a reader that never cancels cannot eat the machine).
 */
export function endlessBody(totalBytes = 256 * 1024 * 1024, chunkBytes = 64 * 1024): BodyProbe {
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(chunkBytes).fill(0x61);
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled) return;
      if (pulled >= totalBytes) {
        controller.close();
        return;
      }
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  return { stream, pulledBytes: () => pulled, cancelled: () => cancelled };
}

export function answer(body: BodyProbe | string, status = 200, contentType = "application/json") {
  const payload = typeof body === "string" ? body : body.stream;
  return new Response(payload, { status, headers: { "content-type": contentType } });
}

let gc: (() => void) | undefined;
/** Runs a full garbage collection (V8's `gc`, exposed at run time). */
export function collectGarbage(): void {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  for (let round = 0; round < 3; round++) gc();
}

/** Resolves with "settled" or, after `ms`, with "pending": a bound on a wait, not a speed check. */
export function settlesWithin(promise: Promise<unknown>, ms: number): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve("pending"), ms);
  });
  const settled = promise.then(
    () => "settled",
    () => "settled",
  );
  return Promise.race([settled, bound]).finally(() => clearTimeout(timer));
}
