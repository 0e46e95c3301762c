/** Arguments of EVAL / EVALSHA in node-redis's shape. */
export interface ScriptArguments {
  keys: string[];
  arguments: string[];
}

/**
 * What the store uses of a node-redis (`redis` v5 or v6) client: `createClient()` from `redis`
 * fits as it is. Declared structurally so the package has no runtime dependency and a test
 * double or a wrapped client fits too.
 */
export interface RedisClientLike {
  evalSha(sha1: string, options: ScriptArguments): Promise<unknown>;
  eval(script: string, options: ScriptArguments): Promise<unknown>;
  /** A second connection for pub/sub (a subscribed connection runs no other command). */
  duplicate(): RedisSubscriberLike;
}

/** The pub/sub connection the store opens with `client.duplicate()` and closes in `close()`. */
export interface RedisSubscriberLike {
  connect(): Promise<unknown>;
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<void>;
  unsubscribe(channel: string): Promise<void>;
  destroy(): void;
  on(event: "error", listener: (error: Error) => void): unknown;
}
