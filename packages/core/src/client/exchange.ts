import { AbortError } from "../errors/AbortError.js";
import type { ErrorRequest } from "../errors/LoginkitError.js";

/**
 * One request object's time on the wire, from the send until its answer's body is read: the
 * signal handed to the transport, one timer, and one listener on the caller's signal, all
 * dropped by `release()`. The timer measures silence, not the whole exchange: it ends the
 * exchange when nothing arrived for `timeout` ms while core or the caller waited for something
 * (the answer's headers, the next chunk of its body, or the next pull of an upload).
 */
export class Exchange {
  readonly #controller = new AbortController();
  readonly #caller: AbortSignal | undefined;
  readonly #timeout: number | false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #lastProgress = 0;
  /** Waits now pending: the timer only counts silence while someone waits. */
  #waiting = 0;
  /** The pending waits' rejections (one at a time, in practice): what `#end` ends. */
  #rejectWaits: ((reason: unknown) => void)[] = [];
  #released = false;
  #reader: { cancel(reason?: unknown): Promise<void> } | undefined;
  /** Why the exchange ended early, when it did. */
  ended: "timeout" | "aborted" | undefined;

  constructor(caller: AbortSignal | undefined, timeout: number | false) {
    this.#caller = caller;
    this.#timeout = timeout;
    caller?.addEventListener("abort", this.#onCallerAbort);
    this.#lastProgress = Date.now();
    this.#arm(timeout);
  }

  /** Aborted when the exchange ends early: the transport stops the transfer. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  /** `promise`, or a rejection the moment the caller aborts or nothing arrives for `timeout`. */
  wait<T>(promise: Promise<T>): Promise<T> {
    if (this.ended) {
      promise.catch(() => {});
      return Promise.reject(this.#controller.signal.reason);
    }
    this.#startWaiting();
    return new Promise<T>((resolve, reject) => {
      this.#rejectWaits.push(reject);
      const settle = () => {
        this.#waiting--;
        const index = this.#rejectWaits.indexOf(reject);
        if (index !== -1) this.#rejectWaits.splice(index, 1);
      };
      promise.then(
        (value) => {
          settle();
          resolve(value);
        },
        (error: unknown) => {
          settle();
          reject(error);
        },
      );
    });
  }

  /**
   * Reads a whole body from here on: the timer counts silence until `release()`, and an early end
   * cancels `reader`, which settles its pending read (no promise per chunk on the common path).
   */
  follow(reader: { cancel(reason?: unknown): Promise<void> }): void {
    this.#reader = reader;
    this.#startWaiting();
  }

  /** Someone waits from now on: the silence is counted, by a new timer when none is running. */
  #startWaiting() {
    this.#waiting++;
    if (this.#timer === undefined && !this.#released) {
      this.#lastProgress = Date.now();
      this.#arm(this.#timeout);
    }
  }

  /** Something arrived (a chunk, a pull of the upload): the silence starts again. */
  progress(): void {
    this.#lastProgress = Date.now();
  }

  /** Nobody waits for now (the answer is handed over unread): no timer keeps the process up. */
  pause(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  /** Ends the exchange now (a body core will not read); `release()` still follows. */
  abort(reason: unknown): void {
    this.#end("aborted", reason);
  }

  /** Drops the timer and the listener on the caller's signal; nothing stays attached. */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#caller?.removeEventListener("abort", this.#onCallerAbort);
  }

  #arm(timeout: number | false) {
    if (timeout !== false) this.#timer = setTimeout(this.#onTimer, timeout);
  }

  readonly #onTimer = () => {
    this.#timer = undefined;
    // Nobody waits (the caller has not read the body yet): the next wait starts a new timer.
    if (this.#waiting === 0 || this.#released || this.#timeout === false) return;
    const remaining = this.#lastProgress + this.#timeout - Date.now();
    if (remaining > 0) this.#arm(remaining);
    else this.#end("timeout", new DOMException("No bytes arrived in time", "TimeoutError"));
  };

  readonly #onCallerAbort = () => {
    this.#end("aborted", this.#caller?.reason);
  };

  #end(kind: "timeout" | "aborted", reason: unknown) {
    if (this.ended) return;
    this.ended = kind;
    this.#controller.abort(reason);
    this.#reader?.cancel(reason).catch(() => {});
    const waits = this.#rejectWaits;
    this.#rejectWaits = [];
    for (const reject of waits) reject(reason);
  }
}

/** The `AbortError` for a caller's abort: its reason kept as the cause. */
export function toAbortError(signal: AbortSignal | undefined, request: ErrorRequest) {
  return new AbortError(`${request.method} ${request.url} was aborted`, {
    cause: signal?.reason,
    request,
  });
}
