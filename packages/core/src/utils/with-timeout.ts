import { TimeoutError } from "../errors/TimeoutError.js";

/**
 * Runs `call` and settles with it, or rejects with a `TimeoutError` after `milliseconds`:
 * for callbacks core awaits but cannot cancel (a token store). A synchronous throw rejects too.
 */
export function withTimeout<T>(call: () => Promise<T>, milliseconds: number, what: string) {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new TimeoutError(`${what} did not settle within ${milliseconds} ms`, {
          timeout: milliseconds,
        }),
      );
    }, milliseconds);
    new Promise<T>((start) => start(call())).then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
