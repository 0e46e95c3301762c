import { encodeHex } from "../codec/bytes.js";
import { RedisStoreError, type RedisStoreOperation } from "../errors/RedisStoreError.js";
import { RedisStoreTimeoutError } from "../errors/RedisStoreTimeoutError.js";
import type { RedisClientLike, ScriptArguments } from "../redis-client-like.js";

/** A Lua script and its SHA-1, computed once. */
export interface LuaScript {
  readonly source: string;
  sha1(): Promise<string>;
}

export function defineScript(source: string): LuaScript {
  let digest: Promise<string> | undefined;
  return {
    source,
    sha1() {
      digest ??= crypto.subtle.digest("SHA-1", new TextEncoder().encode(source)).then(encodeHex);
      return digest;
    },
  };
}

/**
 * Runs `script` by its SHA-1 and falls back to sending it whole when the server does not know it
 * yet (first call, restart, failover); bounded by `timeout` milliseconds. Every failure becomes a
 * `RedisStoreError` naming the operation and key, with the client's error as `cause`.
 */
export async function runScript(
  client: RedisClientLike,
  script: LuaScript,
  args: ScriptArguments,
  operation: RedisStoreOperation,
  timeout: number,
): Promise<unknown> {
  const run = async () => {
    const sha1 = await script.sha1();
    try {
      return await client.evalSha(sha1, args);
    } catch (error) {
      if (!String((error as Error)?.message).startsWith("NOSCRIPT")) throw error;
      return await client.eval(script.source, args);
    }
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    const expire = () =>
      reject(
        new RedisStoreTimeoutError(
          operation,
          `Redis did not answer ${operation} of ${args.keys[0]} within ${timeout} ms`,
        ),
      );
    // Judged one event-loop turn late, after that turn's I/O: on a starved loop the timer and
    // Redis's reply are due together, and a reply that already arrived is a slow loop, not a
    // slow Redis.
    timer = setTimeout(() => {
      const immediate = (globalThis as { setImmediate?: (run: () => void) => unknown })
        .setImmediate;
      if (immediate) immediate(expire);
      else setTimeout(expire, 0);
    }, timeout);
  });
  try {
    return await Promise.race([run(), expired]);
  } catch (error) {
    if (error instanceof RedisStoreError) throw error;
    throw new RedisStoreError(
      operation,
      `Redis failed ${operation} of ${args.keys[0]}: ${(error as Error)?.name ?? "Error"}`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
  }
}
