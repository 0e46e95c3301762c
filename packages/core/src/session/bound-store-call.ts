import { TimeoutError } from "../errors/TimeoutError.js";

/**
 * Runs a token store call and settles with it, or rejects with a `TimeoutError` after
 * `milliseconds`. The timeout is judged one turn of the event loop late (in `setImmediate`, after
 * the I/O callbacks of that turn): on a starved event loop the timer and the store's answer are
 * often due in the same turn, and an answer that already arrived is a slow loop, not a slow store.
 */
export function boundStoreCall<T>(call: () => Promise<T>, milliseconds: number, what: string) {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      const expire = () => {
        if (settled) return;
        settled = true;
        reject(
          new TimeoutError(`${what} did not settle within ${milliseconds} ms`, {
            timeout: milliseconds,
          }),
        );
      };
      // Browsers have no setImmediate; a macrotask there lets the answer's event run first.
      const immediate = (globalThis as { setImmediate?: (run: () => void) => unknown })
        .setImmediate;
      if (immediate) immediate(expire);
      else setTimeout(expire, 0);
    }, milliseconds);
    new Promise<T>((start) => start(call())).then(
      (value) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        if (settled) return;
        settled = true;
        reject(error);
      },
    );
  });
}
