export { RedisStoreError, type RedisStoreOperation } from "./RedisStoreError.js";
export { RedisStoreTimeoutError } from "./RedisStoreTimeoutError.js";
