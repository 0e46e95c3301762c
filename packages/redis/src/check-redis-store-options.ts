import { RedisStoreError } from "./errors/RedisStoreError.js";
import type { RedisTokenStoreOptions } from "./redis-store-options.js";

/** What a timer can hold: a longer delay fires at once in every runtime. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const refuse = (option: string, expected: string) =>
  new RedisStoreError("configure", `${option} must be ${expected}`);

/**
 * Checks the options when the store is created, so a wrong one is an error at start-up that names
 * it, rather than calls that fail (or half of them time out) later. Never quotes a value: it may
 * be a key.
 */
export function checkRedisStoreOptions(
  options: unknown,
): asserts options is RedisTokenStoreOptions {
  if (typeof options !== "object" || options === null) {
    throw refuse("the options", "an object with a `client`");
  }
  const { client, prefix, timeout, encryptionKey, onEvent, leaseTtl } = options as Record<
    string,
    unknown
  >;
  const methods = client as Record<string, unknown> | null | undefined;
  if (
    typeof methods !== "object" ||
    methods === null ||
    !["evalSha", "eval", "duplicate"].every((name) => typeof methods[name] === "function")
  ) {
    throw refuse("client", "a connected node-redis client (evalSha, eval and duplicate)");
  }
  if (prefix !== undefined && typeof prefix !== "string") throw refuse("prefix", "a string");
  if (
    timeout !== undefined &&
    (typeof timeout !== "number" ||
      !Number.isInteger(timeout) ||
      timeout < 1 ||
      timeout > MAX_TIMER_MS)
  ) {
    throw refuse("timeout", `a whole number of milliseconds from 1 to ${MAX_TIMER_MS}`);
  }
  if (
    encryptionKey !== undefined &&
    (typeof encryptionKey !== "object" || encryptionKey === null)
  ) {
    throw refuse("encryptionKey", "a CryptoKey or 32 bytes (a Uint8Array), or left out");
  }
  if (onEvent !== undefined && typeof onEvent !== "function") throw refuse("onEvent", "a function");
  if (leaseTtl !== undefined) {
    // A second owner of the lease's length is what let a 90 s lease become 60 s unseen.
    throw new RedisStoreError(
      "configure",
      "leaseTtl is not a store option: the client derives the lease (set `leaseTtl` on the client)",
    );
  }
}
