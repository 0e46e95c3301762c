import { RedisStoreError } from "./RedisStoreError.js";

/** Redis did not answer within the store's `timeout`; the command may still run on the server. */
export class RedisStoreTimeoutError extends RedisStoreError {
  override name = "RedisStoreTimeoutError";
}
